// Both languages say everything: the same keys in every catalog, every message valid ICU with the
// same arguments, and no Chinese message left in English. (tsc already refuses a translation with
// a missing or extra key; this also covers what types cannot see.)
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { resources } from '../../designer/src/i18n/resources';
import { languages } from '../../workflows/i18n';
import { keptInLatin } from '../support/i18n-page';

type Catalog = { readonly [key: string]: string | Catalog };

function messagesOf(catalog: Catalog, prefix = ''): Map<string, string> {
  const messages = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === 'string') messages.set(`${prefix}${key}`, value);
    else for (const [inner, message] of messagesOf(value, `${prefix}${key}.`)) messages.set(inner, message);
  }
  return messages;
}

/** The arguments a message takes, and the plain text it shows around them. */
function argumentsAndText(elements: MessageFormatElement[]): { names: Set<string>; text: string } {
  const names = new Set<string>();
  let text = '';
  const visit = (list: MessageFormatElement[]) => {
    for (const element of list) {
      if (element.type === TYPE.literal) text += element.value;
      else if (element.type === TYPE.tag) visit(element.children);
      else if (element.type !== TYPE.pound) {
        names.add(element.value);
        if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) visit(option.value);
      }
      text += ' ';
    }
  };
  visit(elements);
  return { names, text };
}

const catalogs = Object.fromEntries(languages.map((language) => [language, resources[language] as unknown as Record<string, Catalog>])) as Record<(typeof languages)[number], Record<string, Catalog>>;
const namespaces = Object.keys(catalogs.en);

/** Chinese messages that are rightly written in Latin letters, by namespace:key. */
const latinOnPurpose = new Set([
  'common:language.en',
  // Names a program reads, quoted as they are written: a flow document's field, template placeholders.
  'flowDiagnostics:sentences.not_a_flow',
  'flowDiagnostics:phrases.template_invalid',
  'flowDiagnostics:phrases.template_unbalanced',
]);
const kept = new Set(keptInLatin.map((word) => word.toLowerCase()));

describe('the message catalogs', () => {
  it('have the same namespaces in every language', () => {
    for (const language of languages) expect(Object.keys(catalogs[language]).sort()).toEqual([...namespaces].sort());
  });

  describe.each(namespaces)('namespace %s', (namespace) => {
    const en = messagesOf(catalogs.en[namespace] ?? {});

    it.each(languages.filter((language) => language !== 'en'))('has the same keys in %s as in English', (language) => {
      expect([...messagesOf(catalogs[language][namespace] ?? {}).keys()].sort()).toEqual([...en.keys()].sort());
    });

    it.each(languages)('holds valid ICU messages in %s that take the same arguments as the English ones', (language) => {
      for (const [key, message] of messagesOf(catalogs[language][namespace] ?? {})) {
        const parsed = argumentsAndText(parse(message, { ignoreTag: true }));
        const english = argumentsAndText(parse(en.get(key) ?? '', { ignoreTag: true }));
        expect([...parsed.names].sort(), `${language} ${namespace}:${key}`).toEqual([...english.names].sort());
      }
    });

    it('leaves no Chinese message in English', () => {
      const left = [...messagesOf(catalogs['zh-CN'][namespace] ?? {})].filter(([key, message]) => {
        if (latinOnPurpose.has(`${namespace}:${key}`)) return false;
        const words = (argumentsAndText(parse(message, { ignoreTag: true })).text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []).filter((word) => !kept.has(word.toLowerCase()));
        return words.length >= 2 || words.some((word) => word.length >= 4);
      });
      expect(left.map(([key, message]) => `${namespace}:${key} = ${message}`)).toEqual([]);
    });
  });
});
