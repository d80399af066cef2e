import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import mdxLoader from '@storybook/addon-docs/mdx-loader';
import config from '../../.storybook/main';

// The docs live in Storybook's MDX pages, compiled with the options `.storybook/main.ts` gives
// addon-docs. Plain MDX has no GitHub tables: without the GFM plugin every `| a | b |` table
// renders as a paragraph of pipes.
const docs = new URL('../../stories/docs/', import.meta.url);
const pages = readdirSync(docs).filter((name) => name.endsWith('.mdx'));

function docsAddonOptions(): Record<string, unknown> {
  const entry = config.addons?.find((addon) => (typeof addon === 'string' ? addon : addon.name) === '@storybook/addon-docs');
  return typeof entry === 'object' ? (entry.options as Record<string, unknown>) : {};
}

/** The page compiled as Storybook compiles it (the addon's own loader, with the configured options). */
function compile(name: string): Promise<string> {
  const { mdxPluginOptions = {} } = docsAddonOptions() as { mdxPluginOptions?: Record<string, unknown> };
  return new Promise((resolve, reject) => {
    const context = {
      resourcePath: new URL(name, docs).pathname,
      getOptions: () => mdxPluginOptions,
      async: () => (error: Error | null, code?: string) => (error ? reject(error) : resolve(code ?? '')),
    };
    mdxLoader.call(context, readFileSync(new URL(name, docs), 'utf8'));
  });
}

describe('Storybook docs pages', () => {
  const withTables = pages.filter((name) => /^\|(\s*:?-+:?\s*\|)+\s*$/m.test(readFileSync(new URL(name, docs), 'utf8')));

  it('some pages have tables (the check below checks something)', () => {
    expect(withTables.length).toBeGreaterThan(3);
  });

  it.each(withTables)('%s: its tables compile to tables, not paragraphs of pipes', async (name) => {
    const code = await compile(name);
    const tables = readFileSync(new URL(name, docs), 'utf8').match(/^\|(\s*:?-+:?\s*\|)+\s*$/gm)!.length;
    expect(code.match(/_components\.table\b/g)?.length ?? 0).toBe(tables);
  });
});
