// Bundles a snippet of ESM the way an app's bundler would (minified, production, peers external)
// and reports its size. Shared by the size benchmark and the packaging check.
// rolldown is the bundler inside Vite 8 (a dependency of vite), used directly for its minifier;
// esbuild is what many app toolchains (and Bun's, which folds constants alike) bundle with.
import { build } from 'esbuild';
import { rolldown } from 'rolldown';
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export const peerExternals = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^@stripe\//,
  /^stripe($|\/)/,
];

let counter = 0;

/**
 * @param {string} source ESM source, e.g. `export { useCustomerSession } from '<repo>/dist/index.js'`
 * @param {{ external?: (RegExp|string)[], bundler?: 'rolldown' | 'esbuild' }} [options]
 * @returns {Promise<{ code: string, minBytes: number, gzipBytes: number }>}
 */
export async function bundleSnippet(source, options = {}) {
  // Inside the repo so bare imports resolve from its node_modules.
  const dir = join(repoRoot, 'bench', '.tmp');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, `entry-${process.pid}-${counter++}.mjs`);
  writeFileSync(entry, source);
  try {
    if (options.bundler === 'esbuild') return await bundleWithEsbuild(entry, options.external ?? peerExternals);
    const bundle = await rolldown({
      input: entry,
      external: options.external ?? peerExternals,
      logLevel: 'silent',
      transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    });
    const { output } = await bundle.generate({ format: 'es', minify: true, comments: { legal: false } });
    await bundle.close();
    const code = output.filter((c) => c.type === 'chunk').map((c) => c.code).join('\n');
    return { code, minBytes: Buffer.byteLength(code), gzipBytes: code.length === 0 ? 0 : gzipSync(code, { level: 9 }).length };
  } finally {
    rmSync(entry, { force: true });
  }
}

async function bundleWithEsbuild(entry, external) {
  // esbuild takes external names, not patterns: every bare import matching one stays external.
  const plugin = {
    name: 'externals',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, ({ path }) => (external.some((e) => (typeof e === 'string' ? e === path : e.test(path))) ? { path, external: true } : undefined));
    },
  };
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [plugin],
  });
  const code = result.outputFiles.map((f) => f.text).join('\n').trim();
  return { code, minBytes: Buffer.byteLength(code), gzipBytes: code.length === 0 ? 0 : gzipSync(code, { level: 9 }).length };
}
