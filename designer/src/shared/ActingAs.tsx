import { UserRound } from 'lucide-react';
import { useEffect, useId } from 'react';
import { setActingUserId, useActingUserId } from './acting-person';
import { usePeople } from './people';

/**
 * "Acting as": who the page speaks for. Stands in until sign-in exists — see `acting-person.ts`.
 * Loud on purpose, so nobody approves a plan believing they are someone else.
 */
export function ActingAs() {
  const id = useId();
  const people = usePeople();
  const actingId = useActingUserId();
  const users = people.status === 'ready' ? people.users : [];
  const known = users.some((u) => u.id === actingId);

  useEffect(() => {
    // A remembered person who no longer exists (another database) is forgotten.
    if (people.status === 'ready' && actingId !== null && !known) setActingUserId(null);
  }, [people.status, actingId, known]);

  return (
    <div className={`acting-as${actingId === null ? ' acting-as--unset' : ''}`} title="Stands in for sign-in: every action is sent as this person">
      <UserRound size={15} aria-hidden="true" />
      <label htmlFor={id}>Acting as</label>
      <select
        id={id}
        data-testid="acting-as"
        value={known ? (actingId ?? '') : ''}
        onChange={(event) => setActingUserId(event.target.value || null)}
        disabled={people.status !== 'ready'}
      >
        <option value="">{people.status === 'loading' ? 'Loading people…' : people.status === 'failed' ? 'People could not be loaded' : 'Choose a person…'}</option>
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Shown where an action needs a person and none is chosen. */
export function ChooseActingPerson({ doing }: { doing: string }) {
  return (
    <p className="callout callout--warn" role="note">
      Choose who you are acting as (top right) to {doing}.
    </p>
  );
}
