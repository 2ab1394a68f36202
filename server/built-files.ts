import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `npm run build` lays out dist/ as: main.js (this code, bundled), web/ (the page), workflow-bundle.js.
// From the sources (`npm start`, tsx) this file sits in server/, one level below the checkout too.
const built = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

/** The built web page: dist/web beside the built program, else designer/dist of the checkout. */
export function webPageDir(): string {
  const inDist = built('web');
  return existsSync(inDist) ? inDist : fileURLToPath(new URL('../designer/dist', import.meta.url));
}

/** The workflow code prebuilt by `npm run build`, or undefined (then the worker bundles it at start). */
export function prebuiltWorkflowBundle(): { codePath: string } | undefined {
  const file = built('workflow-bundle.js');
  return existsSync(file) ? { codePath: file } : undefined;
}
