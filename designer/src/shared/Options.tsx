import type { ReactNode } from 'react';

/** The `<option>`s of a select, one per item: its value (the item itself unless `optionValue` says otherwise) and what it reads as. */
export function Options<T>({ items, optionValue = (item) => String(item), labelOf }: { items: readonly T[]; optionValue?: (item: T) => string; labelOf: (item: T) => ReactNode }) {
  return items.map((item) => (
    <option key={optionValue(item)} value={optionValue(item)}>
      {labelOf(item)}
    </option>
  ));
}
