// Registers the service worker that shows the offline page when the network is gone. Its URL names
// the fingerprinted offline page and stylesheet: when either changes, so does the URL, and the
// browser installs the worker again, which keeps the new ones.
if ('serviceWorker' in navigator) {
  const worker = new URL('/service-worker.js', location.origin);
  worker.searchParams.set('keeps', document.currentScript.dataset.keeps);
  navigator.serviceWorker.register(worker, { scope: '/' });
}
