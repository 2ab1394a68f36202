import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../workflows/flow', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the flow language stays pure enough for the Temporal workflow sandbox', () => {
  const files = sources(root).map((file) => ({ name: relative(root, file), text: readFileSync(file, 'utf8') }));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [file.name, file.text] as const))('%s imports only zod, json-logic-js, croner and its own modules', (_name, text) => {
    const imported = [...text.matchAll(/from '([^']+)'/g)].map((match) => match[1] ?? '');
    for (const specifier of imported) expect(specifier).toMatch(/^(zod|json-logic-js|croner|\.\.?\/.*)$/);
  });

  it.each(files.map((file) => [file.name, file.text] as const))('%s runs no code from data and reads no clock or randomness', (_name, text) => {
    expect(text).not.toMatch(/\beval\(|new Function\(|Date\.now\(|new Date\(|Math\.random\(|process\.|require\(/);
  });
});
