// Vercel's edge runtime: a service worker (bundled with --conditions=edge-light,worker); the runner
// puts the config in front of the bundle.
import { createApp } from './app.mjs';

const app = createApp(globalThis.CONTRACT_CONFIG);
addEventListener('fetch', (event) => event.respondWith(app(event.request)));
