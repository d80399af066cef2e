// Run by the repo's vitest with --root here; no imports, since this project installs no vitest.
export default {
  oxc: { jsx: { runtime: 'automatic' } },
  test: { globals: true, environment: 'jsdom', include: ['render.test.tsx'], restoreMocks: true, testTimeout: 60_000 },
};
