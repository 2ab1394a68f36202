import { diagnosticSentence, type Diagnostic } from '../../../../workflows/flow';
import { currentLanguage, i18next } from '../../i18n/i18n';

/** A diagnostic's sentence in the page's language, from its code's wording and params (flowDiagnostics). */
export function diagnosticMessage(diagnostic: Diagnostic): string {
  // The API's refusals carry no params: their message is already in the page's language (Accept-Language).
  if (diagnostic.params === undefined) return diagnostic.message;
  const t = i18next.getFixedT(currentLanguage(), 'flowDiagnostics');
  return diagnosticSentence((key, params) => t(key as never, params), currentLanguage(), diagnostic);
}

/**
 * The findings of the browser's own validation, worded in the page's language like the server's
 * (so the two lists merge, and the steps show sentences the person can read).
 */
export function inPageLanguage(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((diagnostic) => ({ ...diagnostic, message: diagnosticMessage(diagnostic) }));
}
