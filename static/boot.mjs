// Starts the app. Trunk would inline this loader in index.html; as a file it needs no exception in
// the page's Content-Security-Policy (see Trunk.toml). The hashed file names come from the
// <script data-js data-wasm> element Trunk writes from `pattern_script`.
import initializer from './initializer.mjs';

// Seminar mode's styles: only that mode uses them, so they load beside the wasm instead of
// blocking the start page's first render (a stylesheet added by a script never blocks it).
const seminarStyles = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: 'seminar.css' });
document.head.append(seminarStyles);

const hooks = initializer();
const script = document.querySelector('script[data-wasm]');

try {
  const { default: init } = await import(script.dataset.js);
  await init({ module_or_path: script.dataset.wasm });
  hooks.onSuccess?.();
  dispatchEvent(new CustomEvent('TrunkApplicationStarted'));
  registerOfflineWorker();
} catch (reason) {
  hooks.onFailure?.(reason);
}

/**
 * Registers the service worker (sw.js) that keeps the app working offline after the first visit.
 * Only for a published build: `scripts/build-release.sh` stamps <meta name="isumi-build"> with the
 * build id; under `trunk serve` it still says "dev" and no worker is registered, so development
 * never sees a cached copy. Never from file:// (workers need http or https).
 */
function registerOfflineWorker() {
  const build = document.querySelector('meta[name="isumi-build"]')?.content;
  if (!build || build === 'dev') return;
  if (!/^https?:$/.test(location.protocol) || !('serviceWorker' in navigator)) return;
  // Relative URL: the worker's scope is the folder the app is published in, nothing above it.
  navigator.serviceWorker.register('sw.js').catch((e) => console.warn('offline copy unavailable', e));
}
