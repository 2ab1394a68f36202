import type { Db } from '../../db/connect';
import { listAbsencesNotOverBy } from '../../db/queries/absences';
import { findManagerAbove, listActivePeople } from '../../db/queries/users';
import { routeAroundAbsences, routingSentence, type AbsenceWindow, type Routing } from '../../workflows/domain/absence-routing';
import type { Person } from './people';

/** A person a request goes to; when they take it for somebody away, whom, and the run history's sentence why. */
export interface AssignedPerson extends Person {
  onBehalfOf?: { id: string; name: string };
  assignmentNote?: string;
}

/** Where a request for `approverId` goes at `at`, read from the absences and the org chart now. */
export async function routeRequest(db: Db, approverId: string, at: Date): Promise<Routing> {
  const absences = new Map<string, AbsenceWindow>((await listAbsencesNotOverBy(db, at)).map((a) => [a.userId, a]));
  // Only a loop needs the manager; most requests never ask.
  const manager = absences.has(approverId) ? ((await findManagerAbove(db, approverId, 1))?.id ?? null) : null;
  return routeAroundAbsences(approverId, at, { absenceOf: (id) => absences.get(id), managerOf: () => manager });
}

/**
 * The people a step asks, each replaced by whoever stands in for them when they are away at `at`
 * (their deputy, the deputy's deputy…, or their manager when the deputies loop). Someone who is
 * there, or whose stand-in is no longer active, keeps the request.
 */
export async function assignAroundAbsences(db: Db, people: readonly Person[], at: Date): Promise<AssignedPerson[]> {
  const assigned: AssignedPerson[] = [];
  for (const person of people) {
    const routing = await routeRequest(db, person.id, at);
    if (routing.outcome === 'present') {
      assigned.push(person);
      continue;
    }
    const involved = [...new Set([routing.assigneeId, ...routing.passed.flatMap((a) => [a.userId, a.deputyId])])];
    const found = await listActivePeople(db, involved);
    const names = new Map(found.map((p) => [p.id, p.name]));
    const note = routingSentence(routing, (id) => names.get(id) ?? (id === person.id ? person.name : 'someone who left'));
    const stand = found.find((p) => p.id === routing.assigneeId);
    if (!stand || stand.id === person.id) {
      // A stand-in who left since is no stand-in: the request stays (and says so only when routing meant it to).
      assigned.push(stand ? { ...person, ...(note ? { assignmentNote: note } : {}) } : person);
      continue;
    }
    assigned.push({ ...stand, onBehalfOf: { id: person.id, name: person.name }, ...(note ? { assignmentNote: note } : {}) });
  }
  return assigned;
}
