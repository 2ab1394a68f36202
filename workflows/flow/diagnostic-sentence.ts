import type { Diagnostic, DiagnosticArg } from './diagnostic';
import { peopleRulePhrase, type PeopleRule } from './people-rule';
import { templateProblem } from './template';
import { formatShared } from '../i18n/format';
import type { Language } from '../i18n/languages';

/** A `flowDiagnostics` message by key (`sentences.…`, `phrases.…`), formatted with its arguments. */
export type DiagnosticTranslate = (key: string, params: Record<string, string | number>) => string;

/**
 * Lists read "a, b or c": British English writes no comma before "or", as these sentences always
 * did; other languages list as they do.
 */
function orList(language: Language, items: readonly string[]): string {
  return new Intl.ListFormat(language === 'en' ? 'en-GB' : language, { type: 'disjunction' }).format(items);
}

function values(t: DiagnosticTranslate, language: Language, params: Readonly<Record<string, DiagnosticArg>> = {}): Record<string, string | number> {
  const result: Record<string, string | number> = {};
  for (const [name, arg] of Object.entries(params)) {
    if (typeof arg === 'string' || typeof arg === 'number') result[name] = arg;
    else if (Array.isArray(arg)) result[name] = orList(language, arg);
    else result[name] = t(`phrases.${arg.phrase}`, values(t, language, arg.params));
  }
  return result;
}

/** A diagnostic's sentence in `language`, from its wording and params. */
export function diagnosticSentence(t: DiagnosticTranslate, language: Language, diagnostic: Pick<Diagnostic, 'code' | 'wording' | 'params'>): string {
  return t(`sentences.${diagnostic.wording ?? diagnostic.code}`, values(t, language, diagnostic.params));
}

const english: DiagnosticTranslate = (key, params) => formatShared('en', 'flowDiagnostics', key, params);

/** The sentence in English: what validation writes into `message` before anyone asks for a language. */
export function englishSentence(diagnostic: Pick<Diagnostic, 'code' | 'wording' | 'params'>): string {
  return diagnosticSentence(english, 'en', diagnostic);
}

/** A phrase in English, for modules that still hand out English words (summaries, older callers). */
export function englishPhrase(phrase: Extract<DiagnosticArg, { phrase: string }>): string {
  return english(`phrases.${phrase.phrase}`, values(english, 'en', phrase.params));
}

/** "the project owner's manager": a people rule in English, for summaries on the canvas. */
export function describePeopleRule(rule: PeopleRule): string {
  return englishPhrase(peopleRulePhrase(rule));
}

/**
 * What is wrong with a template's placeholders, in English; null when nothing is. (Kept apart from
 * template.ts so that the interpreter, which renders templates, bundles no message formatting.)
 */
export function checkTemplate(text: string): string | null {
  const problem = templateProblem(text);
  return problem === null ? null : englishPhrase(problem);
}
