/**
 * Readable ids ("notify", "notify_2") rather than random ones: they appear in diagnostics and in
 * exported JSON, where people read them. Only the characters a saved node id allows are kept.
 */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  const cleaned = base.replace(/[^A-Za-z0-9_.:-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 80) || 'step';
  if (!taken.has(cleaned)) return cleaned;
  const stem = cleaned.replace(/_\d+$/, '');
  for (let n = 2; ; n += 1) {
    const candidate = `${stem}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
