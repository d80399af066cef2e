import type { NextConfig } from 'next';

// Build: `npm run build` (the package's dist/, which this app imports by its name), then `next build demo/next`.
const config: NextConfig = {
  // The app lives inside the library's repository; its root (and lockfile) is two levels up.
  turbopack: { root: new URL('../..', import.meta.url).pathname },
  // Belt and braces for the page holding a client secret: no shared cache may store it.
  async headers() {
    return [{ source: '/', headers: [{ key: 'Cache-Control', value: 'private, no-store' }] }];
  },
};

export default config;
