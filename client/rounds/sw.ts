// Service worker of the field app (scope /rounds/): the app shell from the cache, so the app opens
// without network; pictures (thumbnails, floor plans) from the cache the app fills when a round
// starts. The API is never cached here: round data and queued results live in IndexedDB.

type Precache = { version: string; files: string[] };
type ExtendableEvent = Event & { waitUntil(p: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(r: Response | Promise<Response>): void };
type Scope = {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
};

const scope = self as unknown as Scope;
// Replaced at build time by the file list and its version (client/rounds/vite-plugins.ts).
// @ts-expect-error not a real global: the build writes the literal in its place
const PRECACHE: Precache = self.__PRECACHE__;
const SHELL = `kk-rounds-shell-${PRECACHE.version}`;
/** Must match MEDIA_CACHE in src/offline.ts. */
const MEDIA = 'kk-rounds-media';

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE.files.map((f) => new Request(f, { cache: 'reload', credentials: 'same-origin' }))))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('kk-rounds-shell-') && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== scope.location.origin) return;
  // Every page under /rounds/ is the same shell; the app reads the round from IndexedDB.
  if (req.mode === 'navigate' && (url.pathname === '/rounds' || url.pathname.startsWith('/rounds/'))) {
    event.respondWith(fromCache(SHELL, '/rounds/').then((hit) => hit ?? fetch(req)));
    return;
  }
  if (PRECACHE.files.includes(url.pathname)) {
    event.respondWith(fromCache(SHELL, url.pathname).then((hit) => hit ?? fetch(req)));
    return;
  }
  if (url.pathname.startsWith('/media/')) {
    // Content-addressed URLs never change: a cached copy is always right.
    event.respondWith(fromCache(MEDIA, req).then((hit) => hit ?? fetch(req)));
  }
});

async function fromCache(name: string, key: RequestInfo): Promise<Response | undefined> {
  const cache = await caches.open(name);
  return cache.match(key, { ignoreSearch: typeof key === 'string' });
}
