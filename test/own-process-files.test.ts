import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { ownProcessFiles } from './vitest.config';

const root = fileURLToPath(new URL('..', import.meta.url));

it('runs every integration file that installs the Temporal runtime itself in a process of its own', async () => {
  const files = (await readdir(path.join(root, 'test'), { recursive: true }))
    .map((file) => path.join('test', file).split(path.sep).join('/'))
    .filter((file) => /\.(int|browser)\.test\.ts$/.test(file));
  const installing: string[] = [];
  for (const file of files) {
    if ((await readFile(path.join(root, file), 'utf8')).includes('configureTemporalRuntime(')) installing.push(file);
  }
  expect(installing.length).toBeGreaterThan(0);
  expect(installing.sort()).toEqual([...ownProcessFiles].sort());
});
