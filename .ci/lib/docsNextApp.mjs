// For test:next: the Next.js app stories/docs/ServerRendering.mdx gives, its files copied verbatim into
// demo/next-docs-app beside what create-next-app would have made (a root layout, a tsconfig with the `@/`
// alias, next.config.ts edited as the page says), then `next build` (which type-checks it), `next start` on the emulator as the page's "without
// keys" section says, and the checks the demo gets.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDocsFiles } from './docsFiles.mjs';
import { checkOverTheBudget, checkServerRendering, docsApp, freePort, seconds, startServer, waitForServer } from './serverRendering.mjs';

/**
 * create-next-app's part, as 16.4 writes it (minus the Google fonts, offline here): the root layout, the
 * tsconfig (strict, `@/*` → `./*`), and next.config.ts with Cache Components on, as the docs have it edited.
 */
const nextConfig = `import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  /* config options here */
  cacheComponents: true,
  partialPrefetching: true,
};

export default nextConfig;
`;
const layout = `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`;
const tsconfig = {
  compilerOptions: {
    target: 'ES2017', lib: ['dom', 'dom.iterable', 'esnext'], allowJs: true, skipLibCheck: true, strict: true, noEmit: true, esModuleInterop: true,
    module: 'esnext', moduleResolution: 'bundler', resolveJsonModule: true, isolatedModules: true, jsx: 'react-jsx', incremental: true,
    plugins: [{ name: 'next' }], paths: { '@/*': ['./*'] },
  },
  include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts', '.next/dev/types/**/*.ts', '**/*.mts'],
  exclude: ['node_modules'],
};

/** `stripe`: an emulator from `listen()`. */
export async function checkNextDocsApp({ root, next, env, stripe, check }) {
  console.log('-- the app stories/docs/ServerRendering.mdx gives (demo/next-docs-app)');
  const dir = join(root, 'demo', 'next-docs-app');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'app'), { recursive: true });
  // The docs' step: "delete the lines `cacheComponents: true,` and `partialPrefetching: true,`".
  const page = readFileSync(join(root, 'stories', 'docs', 'ServerRendering.mdx'), 'utf8');
  check(page.includes('delete the lines `cacheComponents: true,` and\n`partialPrefetching: true,`'), "the docs' Next.js section still says to delete create-next-app's Cache Components lines (as this check does)");
  writeFileSync(join(dir, 'next.config.ts'), nextConfig.replace(/^ *(cacheComponents|partialPrefetching): true,\n/gm, ''));
  const files = writeDocsFiles(dir, join(root, 'stories', 'docs', 'ServerRendering.mdx'), ['Next.js App Router', 'Trying either app without keys']);
  writeFileSync(join(dir, 'app', 'layout.tsx'), layout);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  console.log(`(docs files: ${files.join(', ')})`);
  // What the docs' .env.local holds, the emulator's values as its emulator.mjs prints them.
  const appEnv = {
    ...env, STRIPE_SECRET_KEY: 'sk_test_emulator', STRIPE_EMULATOR_PORT: String(stripe.port), DEMO_CUSTOMER_ID: stripe.emulator.createCustomer({ name: 'Jenny Rosen' }).id,
    NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: 'pk_test_docs', NEXT_PUBLIC_STRIPE_PRICING_TABLE_ID: 'prctbl_docs',
  };
  const t0 = Date.now();
  const build = spawnSync(next, ['build', dir], { cwd: root, env: appEnv, encoding: 'utf8' });
  check(build.status === 0, `the docs' Next.js app builds and type-checks (${seconds(t0)})${build.status === 0 ? '' : `:\n${build.stdout.slice(-3000)}${build.stderr.slice(-3000)}`}`);
  if (build.status !== 0) return;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const served = startServer(next, ['start', dir, '--port', String(port), '--hostname', '127.0.0.1'], { cwd: root, env: appEnv });
  try {
    await waitForServer(`${base}/api/customer-session`, served);
    await checkServerRendering(base, check, '/api/customer-session', docsApp('/pricing'));
    await checkOverTheBudget(`${base}/pricing`, check, "the docs' Next.js app");
  } catch (error) {
    check(false, `the docs' Next.js app: ${String(error instanceof Error ? error.message : error)}`);
  } finally {
    served.stop();
  }
}
