// Activity's newest page, live: every few seconds while the page is in view, the live endpoint is
// asked whether what the page shows changed (204 when not). When it did, the list is replaced by the
// one it sends, rendered as the page renders it, and the status line says what changed. Without
// this script the page still works; a reload shows the same.
const status = document.querySelector('[data-live-url]');
if (status) {
  const every = 5000;
  let timer;

  const poll = async () => {
    const list = document.querySelector('.decision-list');
    const url = new URL(status.dataset.liveUrl, document.baseURI);
    url.searchParams.set('since', list.dataset.fingerprint);
    if (list.dataset.newest) {
      url.searchParams.set('newest', list.dataset.newest);
    }
    try {
      const response = await fetch(url, { headers: { Accept: 'text/html' } });
      if (response.status === 200) {
        const template = document.createElement('template');
        template.innerHTML = await response.text();
        const fresh = template.content.querySelector('.decision-list');
        list.replaceWith(fresh);
        status.textContent = fresh.dataset.announcement;
      }
    } catch {
      // Offline or the app restarting: the next poll tries again.
    } finally {
      schedule();
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    if (document.visibilityState === 'visible') {
      timer = setTimeout(poll, every);
    }
  };

  document.addEventListener('visibilitychange', schedule);
  schedule();
}
