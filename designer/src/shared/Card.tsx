import { useId, type ReactNode } from 'react';

/** One card of a page: a section that its heading names (for screen readers too). */
export function Card({ title, accent = false, testId, children }: { title: ReactNode; accent?: boolean; testId?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={accent ? 'card card--accent' : 'card'} aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
