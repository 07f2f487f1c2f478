// The web app's service worker. It keeps only what the offline page needs, and never a person's
// pages or the app's answers: they are private to whoever is signed in, and a page shown is always
// the server's answer of now or the offline page, never an older copy.
const offlinePage = '/offline.html';
const kept = [offlinePage, '/app.css'];
// The worker's URL carries the fingerprints of the kept files (service-worker-registration.js): a
// new version of either is a new worker, which fetches them afresh into a cache of its own.
const cacheName = `autoreply-offline${location.search}`;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await cache.addAll(kept.map((url) => new Request(url, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith('autoreply-offline') && name !== cacheName).map((name) => caches.delete(name)));
    // The page is asked for while the worker starts, not after: going through it costs no wait.
    await self.registration.navigationPreload?.enable();
    // The page that registered the worker is offline-ready at once, not from its next visit.
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.mode === 'navigate') {
    event.respondWith((async () => {
      try {
        return (await event.preloadResponse) ?? await fetch(request);
      } catch {
        return (await caches.open(cacheName)).match(offlinePage);
      }
    })());
    return;
  }
  const url = new URL(request.url);
  if (url.origin === location.origin && kept.includes(url.pathname)) {
    event.respondWith(fetch(request).catch(async () => (await caches.open(cacheName)).match(url.pathname)));
  }
  // Anything else is not answered here: the browser fetches it as if there were no worker.
});
