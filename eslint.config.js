import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// src/ uses rate-limiter-flexible's contract, never its code: its root entry loads every store and Node's
// `cluster` (not edge-safe), and its files (`lib/*.js`) are no public API, which a future `exports` map
// would close. Listed in every no-restricted-imports below, since a later block's list replaces an earlier one's.
const noRateLimiterFlexible = {
  group: ['rate-limiter-flexible', 'rate-limiter-flexible/*'],
  message: "src/ never imports rate-limiter-flexible (not edge-safe at its root, no public subpaths): limiters in memory are our own (src/server/memoryRateLimiter.ts).",
};

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'node_modules', 'public', 'coverage', 'bench/.tmp', '.ci/.peers', 'demo/next/.next', 'demo/next/next-env.d.ts', 'demo/react-router/build', 'demo/react-router/.react-router', '.ci/runtimes/node_modules', 'demo/react-router/node_modules', 'demo/react-router/docs-app', 'demo/next-docs-app', '!.storybook'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'] ?? reactHooks.configs.flat.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**'],
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-imports': ['error', { patterns: [noRateLimiterFlexible] }],
    },
  },
  {
    files: ['src/core/**', 'src/params/**', 'src/server/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['react', 'react-dom', 'react/*', '@tanstack/*', '@stripe/*', '../react/*', '../react'], message: 'core and server never import React or client code.' },
        // ./server runs on edge runtimes (test:runtimes bundles it for workerd and edge-light).
        { group: ['node:*', '../node', '../node/*', '@remix-run/*'], message: 'core and server import nothing from Node; Node-only code lives in src/node.' },
        noRateLimiterFlexible,
      ] }],
    },
  },
  {
    // core is wire/validation/expiry code that also runs on servers: no DOM.
    files: ['src/core/**', 'src/params/**'],
    rules: {
      'no-restricted-globals': ['error', ...['document', 'window', 'customElements', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement'].map((name) => ({ name, message: 'src/core has no DOM; browser code lives in src/react.' }))],
    },
  },
  {
    files: ['src/react/**', 'src/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['stripe', '../server', '../server/*', '../testing', '../testing/*', '../params', '../params/*', './params/*'], message: 'client code never imports server, testing or params-model code.' },
        noRateLimiterFlexible,
      ] }],
    },
  },
);
