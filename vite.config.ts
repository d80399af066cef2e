/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { chromiumArgs, chromiumExecutablePath } from './test/browser/chromium.js';
import { resolveSourceToDist } from './test/setup/resolveSourceToDist.js';

// Every peer and runtime dependency stays external: the package ships only its own code.
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^@stripe\//,
  /^stripe($|\/)/,
  /^qs($|\/)/,
  // Not a dependency (src/ uses its contract only): kept external so an import of it shows in dist/,
  // where check:package fails on it.
  /^rate-limiter-flexible($|\/)/,
  /^@remix-run\//,
  /^msw($|\/)/,
  /^node:/,
];

export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        'server/index': 'src/server/index.ts',
        'node/index': 'src/node/index.ts',
        'testing/index': 'src/testing/index.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      // One output file per source module: keeps each module's 'use client' directive and lets
      // bundlers tree-shake per export.
      // topLevelVar false keeps top-level `const`s as written: esbuild and Bun fold a cross-module
      // `const dev = false` (and drop what it guards) but not a `var`.
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js', topLevelVar: false },
    },
  },
  test: {
    globals: true,
    restoreMocks: true,
    // The default output, plus one line when suites needing a service (Redis) skipped for want of it.
    reporters: ['default', './test/setup/servicesReporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/**/*.test.tsx'],
          setupFiles: ['test/setup/dom.ts'],
        },
      },
      {
        // The same unit suites against the built dist/ (`npm run test:dist`, after `npm run build`).
        extends: true,
        plugins: [resolveSourceToDist()],
        test: { name: 'dist-node', environment: 'node', include: ['test/**/*.test.ts'] },
      },
      {
        extends: true,
        plugins: [resolveSourceToDist()],
        test: { name: 'dist-dom', environment: 'jsdom', include: ['test/**/*.test.tsx'], setupFiles: ['test/setup/dom.ts'] },
      },
      {
        // Every story (and its play function) as a test in headless Chromium: `npm run test:browser`.
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          // The retry and expiry stories wait through real backoff delays and short session lifetimes.
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumExecutablePath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        // The demo storefront driven in Chromium through playwright-core (the test starts the demo server).
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/browser/**/*.e2e.ts'],
          setupFiles: ['test/setup/e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
