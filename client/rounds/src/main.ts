// Entry of the field app: language first, then the shell; the service worker makes it work offline.
import { startLocale } from './i18n/locale.js';

if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/rounds/sw.js', { scope: '/rounds/' }).catch((e) => console.warn('service worker', e));

await startLocale().catch(() => {});
await import('./kk-rounds-app.js');
document.body.append(document.createElement('kk-rounds-app'));
