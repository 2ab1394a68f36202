import type { ReactNode } from 'react';

/** One select of a filter bar: its first option (`any`) filters nothing; the rest are `children`. */
export function FilterSelect({ label, any, value, onChange, testId, children }: { label: string; any: string; value: string; onChange: (value: string) => void; testId: string; children: ReactNode }) {
  return (
    <label>
      <span className="filters__label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        <option value="">{any}</option>
        {children}
      </select>
    </label>
  );
}
