import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from './languages';
import { flowDiagnostics as enFlowDiagnostics } from './en/flow-diagnostics';
import { flowDiagnostics as zhFlowDiagnostics } from './zh-CN/flow-diagnostics';

/**
 * The catalogs pure modules word things from. Imported one by one, not through resources.ts: the
 * flow catalog there is built from workflows/flow, which imports this module (a cycle).
 */
const catalogs = {
  en: { flowDiagnostics: enFlowDiagnostics },
  'zh-CN': { flowDiagnostics: zhFlowDiagnostics },
} as const satisfies Record<Language, Record<string, unknown>>;
type FormattedNamespace = keyof (typeof catalogs)['en'];

type Catalog = { readonly [key: string]: string | Catalog };
type Params = Readonly<Record<string, string | number>>;

const compiled = new Map<string, IntlMessageFormat>();

function messageAt(catalog: Catalog, key: string): string | undefined {
  let current: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) current = typeof current === 'object' ? current[part] : undefined;
  return typeof current === 'string' ? current : undefined;
}

/**
 * A shared catalog's message, formatted without i18next: for pure modules that must word things
 * themselves (flow validation writes its English sentences from the catalog, so the catalog is
 * the one place they are written). An unknown key comes back as itself.
 */
export function formatShared(language: Language, namespace: FormattedNamespace, key: string, params: Params = {}): string {
  const id = `${language}\u0000${namespace}\u0000${key}`;
  let format = compiled.get(id);
  if (format === undefined) {
    const message = messageAt(catalogs[language][namespace] as Catalog, key);
    if (message === undefined) return key;
    format = new IntlMessageFormat(message, language);
    compiled.set(id, format);
  }
  return String(format.format(params));
}
