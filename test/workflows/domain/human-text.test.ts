import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { humanTextProblem, readable } from '../../../workflows/domain/human-text';

describe('text people read', () => {
  it.each([
    ['a bell character', 'Q3 \u0007 push', 'must not contain the control character U+0007 (it is one line of text)'],
    ['a line break in a name', 'Q3\npush', 'must not contain the control character U+000A (it is one line of text)'],
    ['a right-to-left override', 'invoice\u202Efdp.exe', 'must not contain U+202E, which changes the direction text is shown in'],
    ['a directional isolate', '\u2067Q3\u2069', 'must not contain U+2067, which changes the direction text is shown in'],
    ['only zero-width spaces', '\u200B\u200B', 'must show something: it has only spaces or invisible characters'],
    ['only a byte order mark and a joiner', '\uFEFF\u200D', 'must show something: it has only spaces or invisible characters'],
  ])('refuses a name with %s, saying why', (_what, text, problem) => {
    expect(humanTextProblem(text)).toBe(problem);
  });

  it('takes Chinese, accents, emoji and the joiners inside them, and line breaks in multi-line text', () => {
    for (const text of ['华东区年度销售目标', 'Café Müller', '👩‍💻 team', 'Q3 push']) expect(humanTextProblem(text)).toBeUndefined();
    expect(humanTextProblem('Went well:\n\tfast pilots', { multiline: true })).toBeUndefined();
    expect(humanTextProblem('Went \u0000 well', { multiline: true })).toBe('must not contain the control character U+0000');
  });

  it('stores a name in Unicode normal form C, so the same name typed two ways is one name', () => {
    const name = readable(z.string().trim().min(1));
    const decomposed = 'Cafe\u0301';
    expect(name.parse(decomposed)).toBe('Caf\u00E9');
    expect(name.parse(decomposed)).toBe(name.parse('Café'));
  });
});
