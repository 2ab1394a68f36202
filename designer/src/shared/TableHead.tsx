/**
 * A column heading: its words, or its words and how the column is set — `num` for figures (aligned
 * right), `hidden` for a column only screen readers name (a row's buttons).
 */
export type Column = string | { label: string; num?: boolean; hidden?: boolean };

/** The heading row of a table; a `false` column is left out (e.g. the buttons of someone who may not edit). */
export function TableHead({ columns }: { columns: readonly (Column | false)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          if (column === false) return null;
          const { label, num = false, hidden = false } = typeof column === 'string' ? { label: column } : column;
          return (
            <th key={label} scope="col" className={num ? 'num' : undefined}>
              {hidden ? <span className="sr-only">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
