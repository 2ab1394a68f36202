import type { ReactNode } from 'react';

/** Short entries one under another, or a quiet line saying there are none. */
export function PlainList<T>({ items, empty, keyOf, children }: { items: readonly T[]; empty: ReactNode; keyOf: (item: T) => string; children: (item: T) => ReactNode }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list">
      {items.map((item) => (
        <li key={keyOf(item)}>{children(item)}</li>
      ))}
    </ul>
  );
}
