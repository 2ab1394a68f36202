import type { PeopleState } from './people';

/** One `<option>` per person, for the person pickers; nothing while the list is loading. */
export function PersonOptions({ people }: { people: PeopleState | readonly { id: string; name: string }[] }) {
  const users = 'status' in people ? (people.status === 'ready' ? people.users : []) : people;
  return (
    <>
      {users.map((user) => (
        <option key={user.id} value={user.id}>
          {user.name}
        </option>
      ))}
    </>
  );
}
