import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import type { CustomerSession } from '../../src/core/types';
import { createDemoBackend } from './createDemoBackend';
import { createDemoRoutes } from './demoRoutes';
import { serverPageDocument } from './serverRenderedPage';

// The demo storefront as it would ship: `vite build` of both pages and of the server renderer, served
// by plain node:http with the same routes as the dev server. The page-load benchmark measures this,
// since Vite's dev server (hundreds of unbundled modules) would dwarf what the session costs.
const demoDir = fileURLToPath(new URL('..', import.meta.url));
const configFile = join(demoDir, 'vite.config.ts');
const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.map': 'application/json' };

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}

/** Builds the client (both pages) into `outDir/client` and the server renderer into `outDir/server`. */
export async function buildDemo(outDir: string): Promise<void> {
  const input = { index: join(demoDir, 'index.html'), ssr: join(demoDir, 'src/entry-ssr-client.tsx') };
  await build({ configFile, logLevel: 'warn', build: { outDir: join(outDir, 'client'), emptyOutDir: true, manifest: true, rolldownOptions: { input } } });
  await build({ configFile, logLevel: 'warn', build: { outDir: join(outDir, 'server'), emptyOutDir: true, ssr: join(demoDir, 'src/entry-server.tsx') } });
}

export interface BuiltDemo {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves a `buildDemo` output on a free loopback port (emulator unless `STRIPE_SECRET_KEY`; `DEMO_STRIPE_LATENCY_MS` applies). */
export async function startBuiltDemo(outDir: string): Promise<BuiltDemo> {
  const clientDir = join(outDir, 'client');
  const manifest = JSON.parse(await readFile(join(clientDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = manifest['src/entry-ssr-client.tsx'];
  if (!entry) throw new Error('the demo build has no src/entry-ssr-client.tsx chunk');
  const assets = {
    script: `/${entry.file}`,
    stylesheets: (entry.css ?? []).map((file) => `/${file}`),
    // What Vite's own HTML build adds for the client-fetched page: the entry's static imports, preloaded.
    preloads: (entry.imports ?? []).flatMap((key) => (manifest[key] ? [`/${manifest[key].file}`] : [])),
  };
  const { render } = (await import(pathToFileURL(join(outDir, 'server/entry-server.js')).href)) as { render: (sessions: CustomerSession[] | undefined) => string };
  const backend = await createDemoBackend();
  const routes = createDemoRoutes(backend, async (_url, sessions) => serverPageDocument(render(sessions), sessions, assets), (message) => console.error(message));

  const server = createServer((req, res) => {
    routes(req, res, (error) => {
      if (error) {
        console.error(error);
        res.statusCode = 500;
        res.end('Internal error');
        return;
      }
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const file = normalize(join(clientDir, path === '/' ? 'index.html' : path));
      if (!file.startsWith(clientDir) || path.includes('/.vite/')) {
        res.statusCode = 404;
        res.end();
        return;
      }
      readFile(file).then(
        (body) => {
          res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
          // Hashed assets never change; the client-fetched page's HTML holds no secret but is revalidated.
          res.setHeader('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
          res.end(body);
        },
        () => {
          res.statusCode = 404;
          res.end();
        },
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await backend.close();
    },
  };
}
