/* global Bun */
// Bun: the handler as Bun.serve's fetch.
import { createApp } from './app.mjs';

const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: createApp(JSON.parse(process.env.CONTRACT_CONFIG)) });
console.log(`listening on http://127.0.0.1:${server.port}`);
