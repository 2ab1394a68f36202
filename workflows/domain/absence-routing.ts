/**
 * Where a request goes when the person it is for is away. Pure: the activity that opens requests
 * and the API that checks an absence as it is set both ask these functions, with the absences and
 * the org chart they read and "now" as parameters.
 */

export interface AbsenceWindow {
  userId: string;
  deputyId: string;
  startsAt: Date;
  /** Exclusive: from this moment the person is back. */
  endsAt: Date;
}

export const isAbsentAt = (absence: AbsenceWindow | undefined, at: Date): absence is AbsenceWindow =>
  absence !== undefined && absence.startsAt.getTime() <= at.getTime() && at.getTime() < absence.endsAt.getTime();

/**
 * - `present`: the approver is there; it is theirs.
 * - `deputy`: the approver is away; the first deputy down the chain who is there takes it.
 * - `loop`: the deputies lead back to someone already passed; it goes to the approver's manager.
 * - `loop_without_manager`: the same, but nobody stands above the approver: it stays theirs.
 */
export type RoutingOutcome = 'present' | 'deputy' | 'loop' | 'loop_without_manager';

export interface Routing {
  outcome: RoutingOutcome;
  /** Who gets the request. */
  assigneeId: string;
  /** Whom it stands for: the approver, whenever somebody else takes it; null when it is theirs. */
  onBehalfOfId: string | null;
  /** The absences passed on the way, the approver's first: each says whose, until when, and to whom. */
  passed: AbsenceWindow[];
}

export interface RoutingWorld {
  /** The person's absence, if they have one (whether it holds `at` is checked here). */
  absenceOf(userId: string): AbsenceWindow | undefined;
  /** The nearest active manager above the person, null at the top. */
  managerOf(userId: string): string | null;
}

/**
 * Follows deputies from `approverId` at the moment `at` until someone who is there. A chain that
 * comes back to somebody already passed is a loop: rather than hang, the request goes to the
 * approver's manager (or stays with the approver when there is none). Every step is a different
 * person, so this ends after as many steps as there are absences.
 */
export function routeAroundAbsences(approverId: string, at: Date, world: RoutingWorld): Routing {
  const passed: AbsenceWindow[] = [];
  const seen = new Set([approverId]);
  let current = approverId;
  for (;;) {
    const absence = world.absenceOf(current);
    if (!isAbsentAt(absence, at)) {
      return current === approverId ? { outcome: 'present', assigneeId: approverId, onBehalfOfId: null, passed } : { outcome: 'deputy', assigneeId: current, onBehalfOfId: approverId, passed };
    }
    passed.push(absence);
    if (seen.has(absence.deputyId)) {
      const manager = world.managerOf(approverId);
      return manager === null
        ? { outcome: 'loop_without_manager', assigneeId: approverId, onBehalfOfId: null, passed }
        : { outcome: 'loop', assigneeId: manager, onBehalfOfId: approverId, passed };
    }
    seen.add(absence.deputyId);
    current = absence.deputyId;
  }
}

/**
 * The loop a new absence would close, or null: from its deputy, follow the absences that overlap
 * it (and each other along the way — a loop needs one moment when all of them hold) and see
 * whether they lead back to the person. Answers the people of the loop, the person first and last.
 */
export function absenceLoop(proposed: AbsenceWindow, absenceOf: (userId: string) => AbsenceWindow | undefined): string[] | null {
  const chain = [proposed.userId];
  let from = proposed.startsAt.getTime();
  let until = proposed.endsAt.getTime();
  let current = proposed.deputyId;
  const seen = new Set(chain);
  for (;;) {
    chain.push(current);
    if (current === proposed.userId) return chain;
    if (seen.has(current)) return null; // a loop among others, which their own absences were refused for
    seen.add(current);
    const next = absenceOf(current);
    if (!next) return null;
    from = Math.max(from, next.startsAt.getTime());
    until = Math.min(until, next.endsAt.getTime());
    if (from >= until) return null;
    current = next.deputyId;
  }
}

/** A moment as the run history writes it, the same in every time zone (the reader's page may say it locally). */
const moment = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * What the run history says about a routed request, e.g. "assigned to Dana on behalf of Max (Max
 * is absent until 2026-12-06 10:00 UTC)"; null when it went to the approver as asked.
 */
export function routingSentence(routing: Routing, nameOf: (userId: string) => string): string | null {
  const [first, ...rest] = routing.passed;
  if (!first) return null;
  const approver = nameOf(first.userId);
  const away = `${approver} is absent until ${moment(first.endsAt)}`;
  const further = rest.map((a) => `${nameOf(a.userId)}, the deputy, is absent too until ${moment(a.endsAt)}`);
  const loop = [first.userId, ...routing.passed.map((a) => a.deputyId)].map(nameOf).join(' → ');
  switch (routing.outcome) {
    case 'present':
      return null;
    case 'deputy':
      return `assigned to ${nameOf(routing.assigneeId)} on behalf of ${approver} (${[away, ...further].join('; ')})`;
    case 'loop':
      return `assigned to ${nameOf(routing.assigneeId)}, ${approver}’s manager, on behalf of ${approver} (${away}, and the deputies lead round in a loop: ${loop})`;
    case 'loop_without_manager':
      return `left with ${approver} (${away}, but the deputies lead round in a loop: ${loop}, and nobody stands above ${approver})`;
  }
}
