import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, formatCsvField, parseCsv } from '../../../workflows/domain/csv';
import { thrownBy } from '../../support/thrown';

const syntaxError = (text: string): CsvSyntaxError => thrownBy(CsvSyntaxError, () => parseCsv(text));

describe('parseCsv', () => {
  it('splits records on CRLF and fields on commas', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts bare LF and bare CR line breaks', () => {
    expect(parseCsv('a,b\n1,2\r3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    expect(parseCsv('"Li, Na","said ""hi""\r\nthen left",""\r\nx,y,z')).toEqual([
      ['Li, Na', 'said "hi"\r\nthen left', ''],
      ['x', 'y', 'z'],
    ]);
  });

  it('keeps empty fields and empty lines, so record numbers match spreadsheet rows', () => {
    expect(parseCsv('a,,c\n\n,\n')).toEqual([['a', '', 'c'], [''], ['', '']]);
  });

  it('drops the byte order mark Excel writes', () => {
    expect(parseCsv('\uFEFFmetric,value')).toEqual([['metric', 'value']]);
  });

  it('reads nothing from empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });

  it('takes another delimiter, such as the semicolon of European spreadsheets', () => {
    expect(parseCsv('a;"b;c"\n1;2', { delimiter: ';' })).toEqual([
      ['a', 'b;c'],
      ['1', '2'],
    ]);
  });

  it('refuses a quoted field that is never closed and says where it opened', () => {
    const error = syntaxError('a,b\n1,"2\n3,4\n');
    expect(error.code).toBe('unterminated_quote');
    expect(error.record).toBe(2);
    expect(error.line).toBe(2);
    expect(error.message).toBe('record 2: the quoted field opened on line 2 is never closed');
  });

  it('refuses a quote inside an unquoted field', () => {
    const error = syntaxError('a,b\n1,2\n3,4"5\n');
    expect(error.code).toBe('stray_quote');
    expect(error.record).toBe(3);
  });

  it('refuses text after a closing quote and counts lines inside quoted fields', () => {
    const error = syntaxError('"multi\nline",x\n"a"b,c');
    expect(error.code).toBe('text_after_quote');
    expect(error.record).toBe(2);
    expect(error.line).toBe(3);
  });

  it('reads back whatever it would write', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\r', '\n', ' ', '中'), maxLength: 8 });
    const record = fc.array(field, { minLength: 1, maxLength: 5 }).filter((fields) => !(fields.length === 1 && fields[0] === ''));
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), fc.constantFrom('\r\n', '\n'), (records, lineBreak) => {
        const text = records.map((fields) => fields.map((value) => formatCsvField(value)).join(',')).join(lineBreak);
        expect(parseCsv(text)).toEqual(records);
      }),
    );
  });
});
