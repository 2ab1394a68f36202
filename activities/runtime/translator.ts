import i18next, { type TFunction } from 'i18next';
import ICU from 'i18next-icu';
import { defaultLanguage, languages, sharedResources, type Language, type SharedNamespace } from '../../workflows/i18n';

/**
 * The server's one i18next instance over the shared catalogs (ICU MessageFormat), for what the
 * server writes in a person's language: API errors, e-mails, inbox messages, exports. Loaded once,
 * synchronously: the resources are bundled, so `t` is ready when this module is.
 */
const instance = i18next.createInstance();
void instance.use(ICU).init({
  resources: sharedResources,
  supportedLngs: [...languages],
  fallbackLng: defaultLanguage,
  ns: Object.keys(sharedResources.en),
  defaultNS: 'common',
  initAsync: false,
  returnNull: false,
  interpolation: { escapeValue: false },
});

/** `t` for one language and namespace: `translate('zh-CN', 'errors')('not_found', { id })`. */
export function translate<N extends SharedNamespace>(language: Language, namespace: N): TFunction<N> {
  return instance.getFixedT(language, namespace);
}
