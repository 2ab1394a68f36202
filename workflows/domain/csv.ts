import { DomainError } from './errors';

export type CsvErrorCode = 'unterminated_quote' | 'stray_quote' | 'text_after_quote' | 'invalid_delimiter';

export class CsvSyntaxError extends DomainError<CsvErrorCode> {
  /** 1-based record (row) where the problem is; the header is record 1. */
  readonly record: number;
  /** 1-based physical line, which differs from the record once a quoted field spans lines. */
  readonly line: number;

  constructor(code: CsvErrorCode, message: string, record: number, line: number) {
    super(code, message);
    this.record = record;
    this.line = line;
  }
}

/**
 * RFC 4180 records: fields separated by `delimiter`, records by CRLF (a bare LF or CR is accepted
 * too, as spreadsheets on every OS write them); a field in double quotes may hold delimiters, line
 * breaks and "" for a quote. A leading UTF-8 BOM (Excel's "CSV UTF-8") is dropped. A line break at
 * the end of the text does not start another record; an empty line is a record with one empty field,
 * so record numbers match the rows a spreadsheet shows. Text is never trimmed.
 */
export function parseCsv(text: string, options: { delimiter?: string } = {}): string[][] {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    const message = `the delimiter must be one character other than a quote or a line break, got ${JSON.stringify(delimiter)}`;
    throw new CsvSyntaxError('invalid_delimiter', message, 1, 1);
  }
  const records: string[][] = [];
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (index >= text.length) return records;
  let record: string[] = [];
  let line = 1;
  const where = (): string => `record ${records.length + 1} (line ${line})`;

  for (;;) {
    let field = '';
    if (text[index] === '"') {
      const openedOnLine = line;
      index += 1;
      for (;;) {
        const quote = text.indexOf('"', index);
        if (quote === -1) {
          throw new CsvSyntaxError(
            'unterminated_quote',
            `record ${records.length + 1}: the quoted field opened on line ${openedOnLine} is never closed`,
            records.length + 1,
            openedOnLine,
          );
        }
        const chunk = text.slice(index, quote);
        line += countLineBreaks(chunk);
        field += chunk;
        if (text[quote + 1] === '"') {
          field += '"';
          index = quote + 2;
        } else {
          index = quote + 1;
          break;
        }
      }
      const next = text[index];
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(
          'text_after_quote',
          `${where()}: text after the closing quote of a field; quote the whole field and double the quotes inside`,
          records.length + 1,
          line,
        );
      }
    } else {
      let end = index;
      while (end < text.length) {
        const char = text[end];
        if (char === delimiter || char === '\r' || char === '\n') break;
        if (char === '"') {
          throw new CsvSyntaxError(
            'stray_quote',
            `${where()}: a quote inside an unquoted field; quote the whole field and double the quotes inside`,
            records.length + 1,
            line,
          );
        }
        end += 1;
      }
      field = text.slice(index, end);
      index = end;
    }
    record.push(field);

    const next = text[index];
    if (next === undefined) {
      records.push(record);
      return records;
    }
    if (next === delimiter) {
      index += 1;
      continue;
    }
    index += next === '\r' && text[index + 1] === '\n' ? 2 : 1;
    line += 1;
    records.push(record);
    record = [];
    if (index >= text.length) return records;
  }
}

function countLineBreaks(chunk: string): number {
  let count = 0;
  for (let i = 0; i < chunk.length; i += 1) {
    if (chunk[i] === '\n' || (chunk[i] === '\r' && chunk[i + 1] !== '\n')) count += 1;
  }
  return count;
}

/** Quotes a field when it needs it, for writing CSV (error reports, exports). */
export function formatCsvField(value: string, delimiter = ','): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
}
