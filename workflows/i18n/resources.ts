import { common as enCommon } from './en/common';
import { errors as enErrors } from './en/errors';
import { exports as enExports } from './en/exports';
import { flowCatalog as enFlowCatalog } from './en/flow-catalog';
import { flowDiagnostics as enFlowDiagnostics } from './en/flow-diagnostics';
import { messages as enMessages } from './en/messages';
import { common as zhCommon } from './zh-CN/common';
import { errors as zhErrors } from './zh-CN/errors';
import { exports as zhExports } from './zh-CN/exports';
import { flowCatalog as zhFlowCatalog } from './zh-CN/flow-catalog';
import { flowDiagnostics as zhFlowDiagnostics } from './zh-CN/flow-diagnostics';
import { messages as zhMessages } from './zh-CN/messages';
import type { Language } from './languages';

/**
 * The catalogs both the server (API errors, e-mails, inbox messages, exports) and the web app
 * read, one namespace each. The web app adds its own screens' namespaces beside these.
 */
export const sharedResources = {
  en: { common: enCommon, errors: enErrors, exports: enExports, flowCatalog: enFlowCatalog, flowDiagnostics: enFlowDiagnostics, messages: enMessages },
  'zh-CN': { common: zhCommon, errors: zhErrors, exports: zhExports, flowCatalog: zhFlowCatalog, flowDiagnostics: zhFlowDiagnostics, messages: zhMessages },
} as const satisfies Record<Language, Record<string, unknown>>;

export type SharedNamespace = keyof (typeof sharedResources)['en'];
