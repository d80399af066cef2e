import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { customerSessionPlugin } from './server/customerSessionPlugin';

// `npm run demo`: the storefront in demo/, with the package's server handler as dev-server middleware.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  cacheDir: fileURLToPath(new URL('../node_modules/.vite/demo', import.meta.url)),
  // Only these reach the browser; STRIPE_SECRET_KEY never does.
  envPrefix: ['STRIPE_PUBLISHABLE_KEY', 'STRIPE_PRICING_TABLE_ID', 'STRIPE_BUY_BUTTON_ID'],
  plugins: [react(), customerSessionPlugin()],
  publicDir: false,
  server: { port: 5173 },
  clearScreen: false,
});
