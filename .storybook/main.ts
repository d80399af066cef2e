import type { StorybookConfig } from '@storybook/react-vite';
import remarkGfm from 'remark-gfm';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: [
    // MDX has no GitHub tables of its own: the docs pages' tables need remark-gfm.
    { name: '@storybook/addon-docs', options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } } },
    '@storybook/addon-vitest',
    // axe on every story: the panel in Storybook, and a failed story test in CI (preview.ts: test 'error').
    '@storybook/addon-a11y',
  ],
  // public/ holds the generated MSW worker (`npm run msw:init`); it is not committed.
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(viteConfig) {
    // vite.config.ts is the library build. Storybook 10 already keeps only `build.target` from it;
    // this guards against a future merge: a `build.lib` entry or the peer externals would turn
    // the Storybook build into a library build with React left unresolved.
    const build = viteConfig.build;
    if (build) {
      delete build.lib;
      const options = build.rolldownOptions;
      if (options && Array.isArray(options.external)) {
        options.external = options.external.filter((pattern) => !(pattern instanceof RegExp && pattern.test('react')));
      }
    }
    return viteConfig;
  },
};

export default config;
