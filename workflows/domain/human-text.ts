import { z } from 'zod';

/** C0 and C1 control characters but tab and line breaks, which multi-line text keeps. */
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const lineBreakOrTab = /[\t\n\r\u2028\u2029]/;
/** Marks and overrides that change which way text runs, so it reads otherwise than it is stored (CVE-2021-42574). */
const directionControl = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Text made only of spaces and characters that show nothing (zero-width space, joiners, soft hyphen…). */
const nothingVisible = /^[\s\u00AD\u034F\u115F\u1160\u180E\u200B-\u200D\u2060-\u2064\u3164\uFEFF]*$/;

const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What is wrong with a text people will read as a name, title or answer, or undefined: a control
 * character, a direction override, a line break in a one-line text, or nothing visible at all.
 */
export function humanTextProblem(text: string, { multiline = false }: { multiline?: boolean } = {}): string | undefined {
  const control = controlCharacter.exec(text) ?? (multiline ? null : lineBreakOrTab.exec(text));
  if (control) return `must not contain the control character ${codePoint(control[0])}${multiline ? '' : ' (it is one line of text)'}`;
  const direction = directionControl.exec(text);
  if (direction) return `must not contain ${codePoint(direction[0])}, which changes the direction text is shown in`;
  if (text.length > 0 && nothingVisible.test(text)) return 'must show something: it has only spaces or invisible characters';
  return undefined;
}

/**
 * A text schema made fit for people to read: refused with a sentence for what `humanTextProblem`
 * finds, and stored in Unicode normal form C, so that the same name typed on two keyboards is the
 * same name.
 */
export const readable = <S extends z.ZodString>(schema: S, options: { multiline?: boolean } = {}): S =>
  schema
    .superRefine((text, ctx) => {
      const problem = humanTextProblem(text, options);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .overwrite((text: string) => text.normalize('NFC') as z.output<S>);
