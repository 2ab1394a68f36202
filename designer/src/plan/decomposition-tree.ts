import type { DecompositionPreview } from '../../../api/contract/plan';

/** A decimal string as an exact integer of minor units (`"1250.5"`, scale 2 → 125050n). */
function toMinor(value: string, scale: number): bigint {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const minor = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
  return negative ? -minor : minor;
}

function fromMinor(minor: bigint, scale: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** Sums decimal strings exactly, as the API split them (no floating-point drift in the totals). */
export function sumDecimals(values: readonly string[], scale: number): string {
  return fromMinor(
    values.reduce((sum, value) => sum + toMinor(value, scale), 0n),
    scale,
  );
}

export interface PartRow {
  /** Index into the preview's parts, i.e. into the weights. */
  index: number;
  label: string;
  amount: string;
  cumulative: string;
  end: string;
}

export interface QuarterGroup {
  label: string;
  amount: string;
  /** The months of the quarter when the split is by month; the quarter itself otherwise. */
  parts: PartRow[];
}

export interface YearGroup {
  label: string;
  amount: string;
  quarters: QuarterGroup[];
}

const quarterOf = (label: string): string => {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  return month ? `${month[1]}-Q${Math.ceil(Number(month[2]) / 3)}` : label;
};

/**
 * The preview's parts as year → quarters → months. Every level is the exact sum of the parts below
 * it, so each year and the grand total add up to the goal's target, as the API promises.
 */
export function decompositionTree(preview: DecompositionPreview): { years: YearGroup[]; total: string } {
  const years: YearGroup[] = [];
  preview.parts.forEach((part, index) => {
    const row: PartRow = { index, label: part.label, amount: part.amount, cumulative: part.cumulative, end: part.end };
    const yearLabel = part.label.slice(0, 4);
    let year = years.at(-1);
    if (year?.label !== yearLabel) {
      year = { label: yearLabel, amount: '0', quarters: [] };
      years.push(year);
    }
    const quarterLabel = quarterOf(part.label);
    let quarter = year.quarters.at(-1);
    if (quarter?.label !== quarterLabel) {
      quarter = { label: quarterLabel, amount: '0', parts: [] };
      year.quarters.push(quarter);
    }
    quarter.parts.push(row);
  });
  for (const year of years) {
    for (const quarter of year.quarters) quarter.amount = sumDecimals(quarter.parts.map((p) => p.amount), preview.scale);
    year.amount = sumDecimals(year.quarters.map((q) => q.amount), preview.scale);
  }
  return { years, total: sumDecimals(preview.parts.map((p) => p.amount), preview.scale) };
}

/** Each part's share of the total in %, two decimals: where weights start when someone edits one. */
export function sharesOf(preview: DecompositionPreview): number[] {
  const total = Number(preview.total);
  return preview.parts.map((part) => (total === 0 ? 0 : Math.round((Number(part.amount) / total) * 10_000) / 100));
}
