// Shared by the benchmark scripts: statistics, table printing and the per-section result files
// that bench/run.mjs merges into bench/results.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const sectionDir = join(repoRoot, 'bench', '.tmp', 'sections');

/** One target from the issue, with what this run measured. `hard` checks fail `npm run bench`. */
export interface Check {
  name: string;
  target: string;
  actual: string;
  met: boolean;
  hard?: boolean;
}

export interface Section {
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  checks: Check[];
  data: unknown;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] ?? NaN;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export function printTable({ title, columns, rows }: Pick<Section, 'title' | 'columns' | 'rows'>): void {
  const cells = [columns, ...rows.map((row) => row.map(String))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${title}`);
  console.log(line(columns));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

/** Prints the section's table and checks, and leaves it for bench/run.mjs. */
export function finishSection(name: string, section: Section): void {
  printTable(section);
  for (const check of section.checks) {
    console.log(`${check.met ? 'ok  ' : check.hard ? 'FAIL' : 'miss'} ${check.name}: ${check.actual} (target ${check.target})`);
  }
  mkdirSync(sectionDir, { recursive: true });
  writeFileSync(join(sectionDir, `${name}.json`), `${JSON.stringify(section, null, 2)}\n`);
}

/** Lets timers, promises and React's scheduler run. */
export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Polls `condition` every few ms; throws after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}
