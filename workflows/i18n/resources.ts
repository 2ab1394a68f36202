import { common as enCommon } from './en/common';
import { common as zhCommon } from './zh-CN/common';
import { flowDiagnostics as enFlowDiagnostics } from './en/flow-diagnostics';
import { flowDiagnostics as zhFlowDiagnostics } from './zh-CN/flow-diagnostics';
import type { Language } from './languages';

/**
 * The catalogs both the server (API errors, e-mails, inbox messages, exports) and the web app
 * read, one namespace each. The web app adds its own screens' namespaces beside these.
 */
export const sharedResources = {
  en: { common: enCommon, flowDiagnostics: enFlowDiagnostics },
  'zh-CN': { common: zhCommon, flowDiagnostics: zhFlowDiagnostics },
} as const satisfies Record<Language, Record<string, unknown>>;

export type SharedNamespace = keyof (typeof sharedResources)['en'];
