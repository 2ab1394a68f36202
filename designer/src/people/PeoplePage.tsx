import { useState, type FormEvent } from 'react';
import { userSchema } from '../api/schemas';
import { PageState } from '../app/PageState';
import type { Load } from '../app/use-load';
import { setActingUserId } from '../shared/acting-person';
import { Field, FormAlert } from '../shared/Field';
import { textOrUndefined } from '../shared/format';
import { reloadPeople, usePeople, type PeopleState } from '../shared/people';
import { requestJson } from '../shared/request';
import { useSubmit } from '../shared/use-submit';
import type { User } from '../api/schemas';
import '../shared/web.css';

const fields = ['name', 'email', 'managerId'] as const;

const asLoad = (people: PeopleState): Load<User[]> => (people.status === 'ready' ? { status: 'ready', value: people.users } : people);

/** The org chart: who reports to whom decides who approves and who gets escalations. */
export function PeoplePage() {
  const people = usePeople();
  return (
    <main className="page">
      <div className="page__head">
        <div>
          <h1>People</h1>
          <p className="muted">Managers approve their people’s plans and receive their escalations, one level up at a time.</p>
        </div>
      </div>
      <PageState load={asLoad(people)} retry={reloadPeople}>
        {(users) => (
          <div className="columns">
            <div className="columns__main">
              <OrgTable users={users} />
            </div>
            <aside className="columns__side">
              <AddPerson users={users} />
            </aside>
          </div>
        )}
      </PageState>
    </main>
  );
}

function OrgTable({ users }: { users: User[] }) {
  const byId = new Map(users.map((u) => [u.id, u]));
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">E-mail</th>
          <th scope="col">Reports to</th>
          <th scope="col" className="sr-only">
            Act as
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id}>
            <td>{user.name}</td>
            <td className="small">{user.email}</td>
            <td>{user.managerId ? (byId.get(user.managerId)?.name ?? '—') : <span className="muted">nobody (top)</span>}</td>
            <td>
              <button type="button" className="link" onClick={() => setActingUserId(user.id)}>
                Act as
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AddPerson({ users }: { users: User[] }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [managerId, setManagerId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { errors, saving, formRef, run } = useSubmit(fields);

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    void run(async () => {
      const created = await requestJson(userSchema, 'POST', '/api/users', { name: textOrUndefined(name), email: textOrUndefined(email), managerId: managerId || null });
      setDone(`${created.name} added.`);
      setName('');
      setEmail('');
      reloadPeople();
    });
  }

  return (
    <form ref={formRef} className="card" onSubmit={submit} noValidate aria-labelledby="add-person-title">
      <h2 id="add-person-title">Add a person</h2>
      <FormAlert errors={errors} />
      <Field label="Name" error={errors.fields.name}>
        {(props) => <input {...props} value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field label="E-mail" error={errors.fields.email}>
        {(props) => <input {...props} type="email" value={email} onChange={(event) => setEmail(event.target.value)} />}
      </Field>
      <Field label="Reports to" optional error={errors.fields.managerId}>
        {(props) => (
          <select {...props} value={managerId} onChange={(event) => setManagerId(event.target.value)}>
            <option value="">Nobody (top of the chart)</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add person'}
        </button>
        {done && (
          <span className="good-text" role="status">
            {done}
          </span>
        )}
      </div>
    </form>
  );
}
