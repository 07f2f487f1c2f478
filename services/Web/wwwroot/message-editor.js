// The auto-reply editor, live: at each pause in typing the form (with its antiforgery token) is
// posted to the web app's preview endpoint, and the preview, the segment count and the message's
// problems are shown as the rules API computes them. Without this script the form still works.
for (const form of document.querySelectorAll('form[data-preview-url]')) {
  const message = form.querySelector('textarea');
  const preview = form.querySelector('[data-preview]');
  const length = form.querySelector('[data-length]');
  const problems = form.querySelector('[data-problems]');
  let pause;
  let latest = 0;

  const refresh = async () => {
    const asked = ++latest;
    const response = await fetch(form.dataset.previewUrl, { method: 'POST', body: new FormData(form) });
    if (asked !== latest || !response.ok) {
      return;
    }
    const answer = await response.json();
    problems.replaceChildren(...answer.errors.map(error => {
      const line = document.createElement('p');
      line.className = 'error';
      line.textContent = error;
      return line;
    }));
    preview.textContent = answer.preview ?? '';
    length.textContent = answer.length ?? '';
  };

  message.addEventListener('input', () => {
    clearTimeout(pause);
    pause = setTimeout(refresh, 250);
  });

  for (const button of form.querySelectorAll('[data-insert]')) {
    button.addEventListener('click', () => {
      message.setRangeText(button.dataset.insert, message.selectionStart, message.selectionEnd, 'end');
      message.focus();
      message.dispatchEvent(new Event('input'));
    });
  }
}
