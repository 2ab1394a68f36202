import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, isLanguage, languages, matchLanguage, type Language } from '../../../workflows/i18n';
import { namespaces, resources } from './resources';
import './i18next-types';

/**
 * The web app's i18next: ICU messages, both languages bundled. The language is the signed-in
 * person's choice (applied by `useProfileLanguage`), else the browser's; a key with no message is
 * reported on the console so browser tests fail on it.
 */
void i18next
  .use(ICU)
  .use(
    new LanguageDetector(null, {
      order: ['navigator'],
      caches: [],
      convertDetectedLanguage: (tag: string) => matchLanguage(tag) ?? tag,
    }),
  )
  .use(initReactI18next)
  .init({
    resources,
    ns: namespaces,
    defaultNS: 'app',
    supportedLngs: [...languages],
    fallbackLng: defaultLanguage,
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (lngs, ns, key) => {
      console.error(`Missing translation: ${lngs.join(',')} ${ns}:${key}`);
    },
  });

export { i18next };

/** The language the page shows now (one of ours, never a raw browser tag). */
export function currentLanguage(): Language {
  const resolved = i18next.resolvedLanguage;
  return isLanguage(resolved) ? resolved : defaultLanguage;
}

/** Shows the page in `language`, or in the browser's when the person chose none. */
export async function applyLanguage(language: Language | null): Promise<void> {
  const wanted = language ?? matchLanguage(navigator.language) ?? defaultLanguage;
  if (wanted !== currentLanguage()) await i18next.changeLanguage(wanted);
  document.documentElement.lang = wanted;
}
