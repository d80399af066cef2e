/* global Deno */
// Deno: the handler as Deno.serve's handler (npm packages from this folder's node_modules).
import { createApp } from './app.mjs';

const handler = createApp(JSON.parse(Deno.env.get('CONTRACT_CONFIG')));
Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}`) }, handler);
