import { describe, expect, it } from 'vitest';
import { inexactNumbers, isExactJsonNumber } from '../../api/exact-json-numbers';

describe('numbers JSON cannot hold exactly', () => {
  it('takes a number that reads back as what was written, at its shortest form', () => {
    for (const exact of ['0', '-0', '0.1', '1250000.5', '9007199254740991', '9007199254740992', '1e3', '1.5E-7', '123456789.12345678']) {
      expect(isExactJsonNumber(exact), exact).toBe(true);
    }
  });

  it('refuses a number that JSON.parse changes: beyond 2^53, 2^63, too small, too large, too many digits', () => {
    for (const inexact of ['9007199254740993', '9223372036854775808', '1e-400', '1e400', '-1e400', '0.1000000000000000055511151231257827', '123456789.123456789']) {
      expect(isExactJsonNumber(inexact), inexact).toBe(false);
    }
  });

  it('names each inexact number by its path, inside objects and lists, and ignores digits inside text', () => {
    const text = '{"a":1,"b":[0.5,9007199254740993,{"c\\"d":1e-400}],"e":"9007199254740993","f":{"g":[[2e400]]},"h":true,"i":null}';
    expect(inexactNumbers(text).map((found) => found.path)).toEqual(['b.1', 'b.2.c"d', 'f.g.0.0']);
    expect(inexactNumbers('9007199254740993').map((found) => found.path)).toEqual(['(the body)']);
    expect(inexactNumbers('{"value": 12.5}')).toEqual([]);
  });

  it('says what the number reads as and how to send it', () => {
    expect(inexactNumbers('{"value":9007199254740993}')).toEqual([
      { path: 'value', message: 'is 9007199254740993, which a JSON number cannot hold exactly (it reads as 9007199254740992); send it as text, e.g. "9007199254740993", within 20 digits before the point and 8 after' },
    ]);
  });
});
