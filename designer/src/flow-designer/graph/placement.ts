export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const gap = 24;

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/**
 * Where a step added by clicking goes: the wanted spot (the middle of the view) if it is free,
 * else the nearest free spot on rings around it, so a new step never hides one already there.
 */
export function findFreeSpot(wanted: { x: number; y: number }, size: { width: number; height: number }, taken: readonly Rect[]): { x: number; y: number } {
  const fits = (x: number, y: number) => !taken.some((rect) => overlaps({ x, y, ...size }, rect));
  if (fits(wanted.x, wanted.y)) return wanted;
  const step = 40;
  for (let ring = 1; ring <= 40; ring += 1) {
    const candidates: { x: number; y: number }[] = [];
    for (let i = -ring; i <= ring; i += 1) {
      candidates.push({ x: wanted.x + i * step, y: wanted.y + ring * step }, { x: wanted.x + i * step, y: wanted.y - ring * step });
      candidates.push({ x: wanted.x + ring * step, y: wanted.y + i * step }, { x: wanted.x - ring * step, y: wanted.y + i * step });
    }
    candidates.sort((a, b) => Math.hypot(a.x - wanted.x, a.y - wanted.y) - Math.hypot(b.x - wanted.x, b.y - wanted.y));
    const free = candidates.find((c) => fits(c.x, c.y));
    if (free !== undefined) return free;
  }
  return wanted;
}
