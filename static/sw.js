// Service worker: keeps a copy of this build so the app starts and works with the network off.
// `scripts/build-release.sh` (scripts/stamp-offline.mjs) writes the two constants below: the build
// id and the list of files in dist/. A new build gives a new sw.js, which browsers notice on their
// next visit: the new worker fills a cache named after its build, then deletes the older ones.
const BUILD = 'dev';
const FILES = [];

const PREFIX = 'isumi-check-';
const CACHE = PREFIX + BUILD;
const SCOPE = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // A hashed name never changes its content, so the HTTP cache may supply it (no second
    // download of the wasm just fetched); files without a hash are revalidated with the server.
    const hashed = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
    await cache.addAll(FILES.map((f) => new Request(new URL(f, SCOPE), { cache: hashed.test(f) ? 'default' : 'no-cache' })));
    // Taking over at once: an open page of the old build has its first module already; the one
    // file it may still ask for is its later part, which it fetches right after the first question
    // (from the old copy until this worker activates). A page still on its start page when a new
    // build activates finds its later part gone and says so, with a reload button that opens the
    // new build on the same screen, answers kept.
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (request.mode === 'navigate') {
    // The page: from the network when there is one (a newer build shows at once), else this copy.
    event.respondWith(fetch(request).catch(async () =>
      (await caches.match(request, { cacheName: CACHE, ignoreSearch: true }))
        || (await caches.match(new URL('index.html', SCOPE).href, { cacheName: CACHE }))
        || Response.error()));
    return;
  }
  // Hashed files never change under one name: the copy first.
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
