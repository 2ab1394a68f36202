import { useState, type FormEvent } from 'react';
import { PageState } from '../app/PageState';
import type { Load } from '../app/queries';
import { allows, roleHelp, roleLabels } from '../auth/permissions';
import { useSession } from '../auth/session-store';
import { Field, FormAlert } from '../shared/Field';
import { textOrUndefined } from '../shared/format';
import { reloadPeople, usePeople, type PeopleState } from '../shared/people';
import { requestJson } from '../shared/request';
import { useSubmit } from '../shared/use-submit';
import '../shared/web.css';
import { DoneNote } from '../shared/DoneNote';
import { PersonOptions } from '../shared/PersonOptions';
import { User } from '../../../api/contract/users';
import { accessRoles, type AccessRole } from '../../../workflows/domain/access-role';

const fields = ['name', 'email', 'managerId', 'role', 'password'] as const;

const asLoad = (people: PeopleState): Load<User[]> => (people.status === 'ready' ? { status: 'ready', value: people.users } : people);

/** The org chart: who reports to whom decides who approves and who gets escalations. */
export function PeoplePage() {
  const people = usePeople();
  const { user: me } = useSession();
  const mayManage = allows(me.role, 'managePeople');
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
          <div className={mayManage ? 'columns' : undefined}>
            <div className="columns__main">
              <OrgTable users={users} meId={me.id} />
            </div>
            {mayManage && (
              <aside className="columns__side">
                <AddPerson users={users} />
                <EditPerson users={users} />
              </aside>
            )}
          </div>
        )}
      </PageState>
    </main>
  );
}

function OrgTable({ users, meId }: { users: User[]; meId: string }) {
  const byId = new Map(users.map((u) => [u.id, u]));
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">E-mail</th>
          <th scope="col">Reports to</th>
          <th scope="col">Role</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id}>
            <td>
              {user.name}
              {user.id === meId && <span className="muted small"> (you)</span>}
            </td>
            <td className="small">{user.email}</td>
            <td>{user.managerId ? (byId.get(user.managerId)?.name ?? '—') : <span className="muted">nobody (top)</span>}</td>
            <td title={roleHelp[user.role]}>{roleLabels[user.role]}</td>
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
  const [role, setRole] = useState<AccessRole>('member');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { errors, saving, formRef, run } = useSubmit(fields);

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    void run(async () => {
      const created = await requestJson(User, 'POST', '/api/users', {
        name: textOrUndefined(name),
        email: textOrUndefined(email),
        managerId: managerId || null,
        role,
        ...(password === '' ? {} : { password }),
      });
      setDone(`${created.name} added.`);
      setName('');
      setEmail('');
      setPassword('');
      void reloadPeople();
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
            <PersonOptions people={users} />
          </select>
        )}
      </Field>
      <RoleField value={role} onChange={setRole} error={errors.fields.role} />
      <Field label="First password" optional help="At least 10 characters; give it to them in person. Without one they cannot sign in yet." error={errors.fields.password}>
        {(props) => <input {...props} type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add person'}
        </button>
        <DoneNote text={done} />
      </div>
    </form>
  );
}

function RoleField({ value, onChange, error }: { value: AccessRole; onChange: (role: AccessRole) => void; error: string | undefined }) {
  return (
    <Field label="Role" help={roleHelp[value]} error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(event) => onChange(event.target.value as AccessRole)}>
          {accessRoles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const editFields = ['role', 'password', 'active'] as const;

/** An admin changes someone's role, sets a new password, or marks that they left. */
function EditPerson({ users }: { users: User[] }) {
  const [userId, setUserId] = useState('');
  const chosen = users.find((u) => u.id === userId) ?? null;
  return (
    <section className="card" aria-labelledby="edit-person-title">
      <h2 id="edit-person-title">Change a person’s access</h2>
      <Field label="Person">
        {(props) => (
          <select {...props} value={userId} onChange={(event) => setUserId(event.target.value)} data-testid="edit-person">
            <option value="">Choose…</option>
            <PersonOptions people={users} />
          </select>
        )}
      </Field>
      {chosen && <EditAccess key={chosen.id} user={chosen} />}
    </section>
  );
}

function EditAccess({ user }: { user: User }) {
  const [role, setRole] = useState<AccessRole>(user.role);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { errors, saving, formRef, run } = useSubmit(editFields);

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const change = { ...(role === user.role ? {} : { role }), ...(password === '' ? {} : { password }) };
    void run(async () => {
      await requestJson(User, 'PATCH', `/api/users/${user.id}`, change);
      setPassword('');
      setDone(`${user.name} updated; their open sessions have ended.`);
      void reloadPeople();
    });
  }

  async function markLeft() {
    if (!window.confirm(`Mark ${user.name} as having left? They can no longer sign in, and flows pass over them.`)) return;
    setDone(null);
    await run(async () => {
      await requestJson(User, 'PATCH', `/api/users/${user.id}`, { active: false });
      setDone(`${user.name} can no longer sign in.`);
      void reloadPeople();
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={`Access of ${user.name}`}>
      <FormAlert errors={errors} />
      <RoleField value={role} onChange={setRole} error={errors.fields.role} />
      <Field label="New password" optional help="At least 10 characters. Ends their open sessions." error={errors.fields.password}>
        {(props) => <input {...props} type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving || (role === user.role && password === '')}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--danger" disabled={saving} onClick={() => void markLeft()}>
          Has left
        </button>
        <DoneNote text={done} />
      </div>
    </form>
  );
}
