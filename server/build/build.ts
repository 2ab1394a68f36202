// `npm run build`: everything production runs, in dist/, built once so that `node dist/main.js
// <role>` needs neither TypeScript nor Vite nor webpack at start (nor any devDependency).
//   dist/main.js (+ chunks)   the server, node_modules left external
//   dist/migrations/*.js      the migrations, read from that folder at start (db/migrate.ts)
//   dist/workflow-bundle.js   the workflow code the worker loads (bundleWorkflowCode)
//   dist/web/                 the web page, one chunk per screen, with .br and .gz beside each file
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild, type BuildOptions, type Plugin } from 'esbuild';
import { build as viteBuild } from 'vite';
import { bundleWorkflows } from '../../activities/runtime/worker';
import { precompress } from './precompress';

const root = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
// `npm run build -- <dir>` builds elsewhere (the production test builds into a temporary folder).
const dist = process.argv[2] ? path.resolve(process.argv[2]) : root('dist');
const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  const result = await work();
  console.log(`[build] ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
};

await rm(dist, { recursive: true, force: true });

/**
 * Packages stay in node_modules (installed with `npm ci --omit=dev`), except those whose ESM Node
 * cannot load as published: chinese-days imports JSON without `with { type: 'json' }`.
 */
const bundled = new Set(['chinese-days']);
const packagesExternal: Plugin = {
  name: 'packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0]!;
      return bundled.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

const server: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [packagesExternal],
  logLevel: 'warning',
};

await step('server → dist/main.js', () =>
  esbuild({
    ...server,
    entryPoints: { main: root('server/main.ts') },
    outdir: dist,
    // The `all` role's embedded parts stay a chunk of their own, loaded by it only.
    splitting: true,
    sourcemap: true,
  }),
);

const migrations = (await readdir(root('db/migrations'))).filter((file) => file.endsWith('.ts'));
await step(`${migrations.length} migrations → dist/migrations`, () =>
  esbuild({ ...server, entryPoints: migrations.map((file) => root(`db/migrations/${file}`)), outdir: `${dist}/migrations` }),
);

await step('workflow code → dist/workflow-bundle.js', async () => {
  const bundle = await bundleWorkflows();
  await writeFile(`${dist}/workflow-bundle.js`, bundle.code);
});

await step('web page → dist/web', () => viteBuild({ configFile: root('designer/vite.config.ts'), logLevel: 'warn', build: { outDir: `${dist}/web`, emptyOutDir: true } }));

const compressed = await step('precompressed the web page (brotli, gzip)', () => precompress(`${dist}/web`));
console.log(`[build] ${compressed.files} files, ${(compressed.bytes / 1024).toFixed(0)} KB → ${(compressed.brotliBytes / 1024).toFixed(0)} KB with brotli`);
console.log('[build] done: run `node dist/main.js api|worker|all` (see README, "Production")');
