import { describe, expect, it } from 'vitest';
import { absenceLoop, routeAroundAbsences, routingSentence, type AbsenceWindow } from '../../../workflows/domain/absence-routing';

const day = (n: number) => new Date(Date.UTC(2026, 11, n));
const away = (userId: string, deputyId: string, from = 1, until = 10): AbsenceWindow => ({ userId, deputyId, startsAt: day(from), endsAt: day(until) });

function world(absences: AbsenceWindow[], managers: Record<string, string> = {}) {
  const byUser = new Map(absences.map((a) => [a.userId, a]));
  return { absenceOf: (id: string) => byUser.get(id), managerOf: (id: string) => managers[id] ?? null };
}
const names: Record<string, string> = { max: 'Max', dana: 'Dana', eve: 'Eve', boss: 'Boss' };
const nameOf = (id: string) => names[id] ?? id;

describe('routing a request around absences', () => {
  it('leaves a request with an approver who is there', () => {
    expect(routeAroundAbsences('max', day(5), world([]))).toEqual({ outcome: 'present', assigneeId: 'max', onBehalfOfId: null, passed: [] });
  });

  it('gives it to the deputy while the approver is away, on behalf of the approver', () => {
    const routing = routeAroundAbsences('max', day(5), world([away('max', 'dana')]));
    expect(routing).toMatchObject({ outcome: 'deputy', assigneeId: 'dana', onBehalfOfId: 'max' });
    expect(routingSentence(routing, nameOf)).toBe('assigned to Dana on behalf of Max (Max is absent until 2026-12-10 00:00 UTC)');
  });

  it('counts the absence from its start and up to, not including, its end', () => {
    const absences = world([away('max', 'dana', 2, 4)]);
    expect(routeAroundAbsences('max', new Date(day(2).getTime() - 1), absences).assigneeId).toBe('max');
    expect(routeAroundAbsences('max', day(2), absences).assigneeId).toBe('dana');
    expect(routeAroundAbsences('max', day(4), absences).assigneeId).toBe('max');
  });

  it('passes it on down the deputy’s own chain when the deputy is away too', () => {
    const routing = routeAroundAbsences('max', day(5), world([away('max', 'dana'), away('dana', 'eve')]));
    expect(routing).toMatchObject({ outcome: 'deputy', assigneeId: 'eve', onBehalfOfId: 'max' });
    expect(routingSentence(routing, nameOf)).toBe(
      'assigned to Eve on behalf of Max (Max is absent until 2026-12-10 00:00 UTC; Dana, the deputy, is absent too until 2026-12-10 00:00 UTC)',
    );
  });

  it('sends it to the approver’s manager instead of hanging when the deputies loop, and says why', () => {
    const routing = routeAroundAbsences('max', day(5), world([away('max', 'dana'), away('dana', 'eve'), away('eve', 'dana')], { max: 'boss' }));
    expect(routing).toMatchObject({ outcome: 'loop', assigneeId: 'boss', onBehalfOfId: 'max' });
    expect(routingSentence(routing, nameOf)).toContain('assigned to Boss, Max’s manager, on behalf of Max');
    expect(routingSentence(routing, nameOf)).toContain('Max → Dana → Eve → Dana');
  });

  it('leaves it with the approver when the deputies loop and nobody stands above them', () => {
    const routing = routeAroundAbsences('max', day(5), world([away('max', 'dana'), away('dana', 'max')]));
    expect(routing).toMatchObject({ outcome: 'loop_without_manager', assigneeId: 'max', onBehalfOfId: null });
    expect(routingSentence(routing, nameOf)).toContain('nobody stands above Max');
  });
});

describe('refusing a loop as an absence is set', () => {
  it('finds the loop a new absence would close, through deputies away at the same time', () => {
    const existing = world([away('dana', 'eve', 3, 8), away('eve', 'max', 6, 12)]);
    expect(absenceLoop(away('max', 'dana', 1, 10), existing.absenceOf)).toEqual(['max', 'dana', 'eve', 'max']);
  });

  it('allows a chain that only loops across absences that never hold at once', () => {
    const existing = world([away('dana', 'eve', 3, 5), away('eve', 'max', 6, 12)]);
    expect(absenceLoop(away('max', 'dana', 1, 10), existing.absenceOf)).toBeNull();
  });

  it('allows a deputy who is there, or away to someone else', () => {
    expect(absenceLoop(away('max', 'dana'), world([]).absenceOf)).toBeNull();
    expect(absenceLoop(away('max', 'dana'), world([away('dana', 'eve')]).absenceOf)).toBeNull();
  });
});
