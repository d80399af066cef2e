// The files a docs page gives for an app: every fenced block under one `## heading` whose first line
// names its path (`// app/routes.ts`, `// lib/shop.ts: what it is`), verbatim, so CI builds what the docs show.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `[{ path, text }]` from the section `## <heading>` of `mdxFile`, in order. */
export function docsFiles(mdxFile, heading) {
  const page = readFileSync(mdxFile, 'utf8');
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`${mdxFile} has no section "## ${heading}"`);
  const end = page.indexOf('\n## ', start + 1);
  const section = page.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/^```\w*\n(\/\/ ([\w.@/-]+)[^\n]*\n[\s\S]*?)^```$/gm)].map(([, text, path]) => ({ path, text }));
}

/** Writes the files of each section into `dir`; returns their paths. */
export function writeDocsFiles(dir, mdxFile, headings) {
  return headings.flatMap((heading) =>
    docsFiles(mdxFile, heading).map(({ path, text }) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
      return path;
    }),
  );
}
