import { Dec } from '../workflows/domain/decimal';

export interface InexactNumber {
  path: string;
  message: string;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;

/**
 * True when the JSON number written as `source` is exactly the number JavaScript reads from it
 * (at its shortest round-trip form, so 0.1 is 0.1). 9007199254740993 reads as …992, 2^63 as
 * 9223372036854776000, 1e-400 as 0 and 1e400 as Infinity: none of them is what was written.
 */
export function isExactJsonNumber(source: string): boolean {
  const read = Number(source);
  return Number.isFinite(read) && new Dec(source).eq(new Dec(String(read)));
}

/**
 * Every number in the JSON `text` that JSON.parse would change, with its dotted path. JSON.parse
 * (Node 20 has no source text in revivers) loses the digits before anyone can look, so this reads
 * the text itself, with its own stack so depth cannot overflow it. Call only on text that parses.
 */
export function inexactNumbers(text: string): InexactNumber[] {
  const found: InexactNumber[] = [];
  // One frame per open container: an array counts its items, an object remembers its current key.
  const frames: { array: boolean; key: string | number; expectKey: boolean }[] = [];
  const path = () => (frames.length === 0 ? '(the body)' : frames.map((frame) => frame.key).join('.'));
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    const frame = frames[frames.length - 1];
    if (char === '"') {
      STRING.lastIndex = at;
      const token = STRING.exec(text)![0];
      if (frame && !frame.array && frame.expectKey) {
        frame.key = JSON.parse(token) as string;
        frame.expectKey = false;
      }
      at += token.length;
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      NUMBER.lastIndex = at;
      const token = NUMBER.exec(text)![0];
      if (!isExactJsonNumber(token)) {
        const read = Number(token);
        found.push({
          path: path(),
          message: `is ${token}, which a JSON number cannot hold exactly (it reads as ${String(read)}); send it as text, e.g. "${token}", within 20 digits before the point and 8 after`,
        });
      }
      at += token.length;
    } else {
      if (char === '{') frames.push({ array: false, key: '', expectKey: true });
      else if (char === '[') frames.push({ array: true, key: 0, expectKey: false });
      else if (char === '}' || char === ']') frames.pop();
      else if (char === ',' && frame) {
        if (frame.array) frame.key = (frame.key as number) + 1;
        else frame.expectKey = true;
      }
      at += 1;
    }
  }
  return found;
}
