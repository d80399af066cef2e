// The benchmarks measure the built package (dist/), typed from the sources it was built from.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Client from '../../src/index';
import type * as Node from '../../src/node/index';
import type * as Server from '../../src/server/index';
import type * as Testing from '../../src/testing/index';
import { repoRoot } from './report';

function load<T>(entry: string): Promise<T> {
  const file = join(repoRoot, 'dist', entry);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` (npm run bench does it first).`);
  return import(pathToFileURL(file).href) as Promise<T>;
}

export const loadClient = (): Promise<typeof Client> => load('index.js');
export const loadServer = (): Promise<typeof Server> => load('server/index.js');
export const loadNode = (): Promise<typeof Node> => load('node/index.js');
export const loadTesting = (): Promise<typeof Testing> => load('testing/index.js');
