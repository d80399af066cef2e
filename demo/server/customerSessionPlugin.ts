import type { Plugin } from 'vite';
import type { CustomerSession } from '../../src/core/types';
import { createDemoBackend, type DemoBackend } from './createDemoBackend';
import { createDemoRoutes } from './demoRoutes';
import { serverPageDocument } from './serverRenderedPage';

type Render = (sessions: CustomerSession[] | undefined) => string;

/**
 * The shop's server side inside Vite's dev server (see demoRoutes.ts): the session endpoint, `/ssr`
 * rendered through `ssrLoadModule`, and the emulator's dev routes.
 */
export function customerSessionPlugin(): Plugin {
  let backend: DemoBackend | undefined;
  return {
    name: 'demo:customer-session',
    apply: 'serve',
    async configureServer(server) {
      backend = await createDemoBackend();
      const { mode, customerId } = backend;
      const log = (message: string) => server.config.logger.info(message);
      log(
        mode === 'emulator'
          ? `  ➜  Stripe: emulator at ${backend.emulator?.url} (signed in as ${customerId})`
          : `  ➜  Stripe: test mode with STRIPE_SECRET_KEY (signed in as ${customerId})`,
      );
      server.httpServer?.once('close', () => void backend?.close());
      const routes = createDemoRoutes(
        backend,
        async (url, sessions) => {
          const { render } = (await server.ssrLoadModule('/src/entry-server.tsx')) as { render: Render };
          const html = serverPageDocument(render(sessions), sessions, { script: '/src/entry-ssr-client.tsx', stylesheets: ['/src/demo.css'] });
          return server.transformIndexHtml(url, html);
        },
        (message) => server.config.logger.error(message),
      );
      server.middlewares.use((req, res, next) =>
        routes(req, res, (error) => {
          if (error instanceof Error) server.ssrFixStacktrace(error);
          next(error);
        }),
      );
    },
  };
}
