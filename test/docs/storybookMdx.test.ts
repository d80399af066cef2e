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

// Every session a page creates while it renders spends the rate limits, and the documented limits refuse
// (`CustomerSessionRateLimitError`: a reload loop, or 11 page views in one second against the default Stripe
// budget). An example that awaits the call without handling the refusal answers that view with a 500, or
// crashes a plain Node server with an unhandled rejection. Every example does what the docs say: a guest page.
describe('server-rendering examples handle the rate-limit refusal', () => {
  const sources = [...pages.map((name) => ({ name, text: readFileSync(new URL(name, docs), 'utf8') })), { name: 'README.md', text: readFileSync(new URL('../../README.md', import.meta.url), 'utf8') }];
  const examples = sources.flatMap(({ name, text }) =>
    [...text.matchAll(/^```tsx?\n([\s\S]*?)^```/gm)].map((block) => block[1]!).filter((code) => /await createCustomerSessions?\(/.test(code)).map((code) => [`${name}: ${code.split('\n')[0]}`, code] as const),
  );

  it('there are such examples (the check below checks something)', () => {
    expect(examples.length).toBeGreaterThan(4);
  });

  it.each(examples)('%s', (_label, code) => {
    expect(code).toMatch(/instanceof CustomerSessionRateLimitError/);
  });
});

// A screen reader announces a table's column by its header: an empty header cell reads as nothing.
describe('docs tables name every column', () => {
  const headerRows = pages.flatMap((name) => {
    const lines = readFileSync(new URL(name, docs), 'utf8').split('\n');
    return lines.flatMap((line, index) => (/^\|(\s*:?-+:?\s*\|)+\s*$/.test(lines[index + 1] ?? '') ? [[`${name}: ${line}`, line] as const] : []));
  });

  it('there are tables (the check below checks something)', () => {
    expect(headerRows.length).toBeGreaterThan(10);
  });

  it.each(headerRows)('%s', (_label, row) => {
    expect(row.split('|').slice(1, -1).map((cell) => cell.trim())).not.toContain('');
  });
});

// The docs' code imports only what the package exports, under the entry that exports it: a renamed or
// moved export fails here rather than in a reader's editor.
describe('docs code imports what each entry exports', async () => {
  const ts = (await import('typescript')).default;
  const entries: Record<string, string> = { '': 'src/index.ts', '/server': 'src/server/index.ts', '/node': 'src/node/index.ts', '/testing': 'src/testing/index.ts' };
  const root = new URL('../../', import.meta.url).pathname;
  const program = ts.createProgram(Object.values(entries).map((file) => root + file), { noEmit: true, skipLibCheck: true, jsx: ts.JsxEmit.ReactJSX, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const exported = Object.fromEntries(
    Object.entries(entries).map(([entry, file]) => {
      const module = checker.getSymbolAtLocation(program.getSourceFile(root + file)!)!;
      return [entry, new Set(checker.getExportsOfModule(module).map((symbol) => symbol.name))];
    }),
  );
  const sources = [...pages.map((name) => ({ name, text: readFileSync(new URL(name, docs), 'utf8') })), { name: 'README.md', text: readFileSync(new URL('../../README.md', import.meta.url), 'utf8') }];
  const imports = sources.flatMap(({ name, text }) =>
    [...text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'react-stripe-customer-session(\/\w+)?'/g)].flatMap((match) =>
      match[1]!.split(',').map((part) => part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!).filter(Boolean).map((imported) => [`${name}: ${imported} from '${match[2] ?? '.'}'`, match[2] ?? '', imported] as const),
    ),
  );

  it('the docs import from every entry (the check below checks something)', () => {
    expect(new Set(imports.map(([, entry]) => entry))).toEqual(new Set(Object.keys(entries)));
  });

  it.each(imports)('%s', (_label, entry, imported) => {
    expect(exported[entry]).toContain(imported);
  });
});
