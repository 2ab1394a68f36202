import type { PeopleState } from './people';

/** One `<option>` per person, for the person pickers; nothing while the list is loading. */
export function PersonOptions({ people }: { people: PeopleState }) {
  if (people.status !== 'ready') return null;
  return (
    <>
      {people.users.map((user) => (
        <option key={user.id} value={user.id}>
          {user.name}
        </option>
      ))}
    </>
  );
}
