import { common as enCommon } from './en/common';
import { flowCatalog as enFlowCatalog } from './en/flow-catalog';
import { common as zhCommon } from './zh-CN/common';
import { flowCatalog as zhFlowCatalog } from './zh-CN/flow-catalog';
import type { Language } from './languages';

/**
 * The catalogs both the server (API errors, e-mails, inbox messages, exports) and the web app
 * read, one namespace each. The web app adds its own screens' namespaces beside these.
 */
export const sharedResources = {
  en: { common: enCommon, flowCatalog: enFlowCatalog },
  'zh-CN': { common: zhCommon, flowCatalog: zhFlowCatalog },
} as const satisfies Record<Language, Record<string, unknown>>;

export type SharedNamespace = keyof (typeof sharedResources)['en'];
