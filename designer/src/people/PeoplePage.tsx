import { useMutation } from '@tanstack/react-query';
import { SelectField } from '../shared/SelectField';
import { Card } from '../shared/Card';
import { Options } from '../shared/Options';
import { TableHead } from '../shared/TableHead';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { PageHead } from '../app/PageHead';
import { PageState } from '../app/PageState';
import type { Load } from '../app/queries';
import { roleHelp, roleLabels } from '../auth/permissions';
import { useSession } from '../auth/session-store';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { reloadPeople, usePeople, type PeopleState } from '../shared/people';
import { requestJson } from '../shared/request';
import { typed, useApiForm } from '../shared/use-api-form';
import { DoneNote } from '../shared/DoneNote';
import { PersonOptions } from '../shared/PersonOptions';
import { ApiError, errorMessage } from '../api/client';
import { escalationChain } from './org-chart-graph';
import { OrgChart } from './OrgChart';
import { ReportsTo } from './ReportsToForm';
import { NewUserBody, User, UserPatchBody } from '../../../api/contract/users';
import { accessRoles, type AccessRole } from '../../../workflows/domain/access-role';

const asLoad = (people: PeopleState): Load<User[]> => (people.status === 'ready' ? { status: 'ready', value: people.users } : people);

/** The org chart: who reports to whom decides who approves and who gets escalations. */
export function PeoplePage() {
  const people = usePeople();
  const { user: me } = useSession();
  const mayManage = useSession().can.managePeople;
  const [chosenId, setChosenId] = useState<string | null>(me.id);
  const { t } = useTranslation('people');
  return (
    <main className="page page--wide">
      <PageHead title={t('title')}>{t('intro')}</PageHead>
      <PageState load={asLoad(people)} retry={reloadPeople}>
        {(users) => (
          <div className={mayManage ? 'columns' : undefined}>
            <div className="columns__main">
              <ChartCard users={users} meId={me.id} chosenId={chosenId} onChoose={setChosenId} mayManage={mayManage} />
              <OrgTable users={users} meId={me.id} />
            </div>
            {mayManage && (
              <aside className="columns__side">
                <ReportsTo users={users} personId={chosenId} onChoose={setChosenId} />
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

/** The chart, whose escalation chain it shows (chosen here or by clicking a card), and that chain in words. */
function ChartCard({ users, meId, chosenId, onChoose, mayManage }: { users: User[]; meId: string; chosenId: string | null; onChoose: (id: string) => void; mayManage: boolean }) {
  const { t } = useTranslation('people');
  const chain = chosenId ? escalationChain(users, chosenId) : [];
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const move = useMutation({ mutationFn: ({ personId, managerId }: { personId: string; managerId: string }) => requestJson(User, 'PATCH', `/api/users/${personId}`, { managerId }) });

  async function dropOn(personId: string, managerId: string) {
    const person = users.find((u) => u.id === personId);
    const manager = users.find((u) => u.id === managerId);
    if (!person || !manager || person.managerId === managerId) return;
    if (!window.confirm(t('chart.confirmMove', { person: person.name, manager: manager.name }))) return;
    setRefusal(null);
    setDone(null);
    try {
      await move.mutateAsync({ personId, managerId });
      setDone(t('chart.moved', { person: person.name, manager: manager.name }));
      await reloadPeople();
    } catch (error) {
      // The API names why (a loop: the manager stands below the person) at the field it refused.
      setRefusal(error instanceof ApiError && error.details.length > 0 ? error.details.map((d) => d.message).join(' ') : errorMessage(error));
    }
  }

  return (
    <Card title={t('chart.title')} testId="org-chart-card">
      <div className="org-chart__controls">
        <Field label={t('chart.chainOf')} help={t('chart.chainHelp')}>
          {(props) => (
            <select {...props} value={chosenId ?? ''} onChange={(event) => onChoose(event.target.value)} data-testid="chain-of">
              <option value="">{t('chart.nobody')}</option>
              <PersonOptions people={users} />
            </select>
          )}
        </Field>
        <p className="org-chart__chain" aria-live="polite" data-testid="escalation-chain">
          {chain.length > 1 ? chain.map((p) => p.name).join(' → ') : chain.length === 1 ? t('chart.reportsToNobody', { name: chain[0]!.name }) : ' '}
        </p>
      </div>
      <OrgChart people={users} meId={meId} chosenId={chosenId} onChoose={onChoose} onDropOn={mayManage ? (personId, managerId) => void dropOn(personId, managerId) : undefined} />
      {mayManage && <p className="muted small">{t('chart.dragHelp')}</p>}
      {refusal && (
        <p className="error-text" role="alert" data-testid="org-chart-refusal">
          {refusal}
        </p>
      )}
      <DoneNote text={done} />
    </Card>
  );
}

function OrgTable({ users, meId }: { users: User[]; meId: string }) {
  const { t } = useTranslation('people');
  const byId = new Map(users.map((u) => [u.id, u]));
  return (
    <div className="table-scroll">
      <table className="table">
        <TableHead columns={[t('name'), t('email'), t('reportsTo'), t('role')]} />
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                {user.name}
                {user.id === meId && <span className="muted small">{t('you')}</span>}
              </td>
              <td className="small">{user.email}</td>
              <td>{user.managerId ? (byId.get(user.managerId)?.name ?? '—') : <span className="muted">{t('table.nobodyTop')}</span>}</td>
              <td title={roleHelp[user.role]}>{roleLabels[user.role]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddPerson({ users }: { users: User[] }) {
  const { t } = useTranslation('people');
  const [done, setDone] = useState<string | null>(null);
  const api = useApiForm({
    schema: NewUserBody,
    defaultValues: { name: '', email: '', managerId: null, role: 'member', password: undefined },
    save: async (body) => {
      setDone(null);
      const created = await requestJson(User, 'POST', '/api/users', body);
      setDone(t('add.added', { name: created.name }));
    },
    onSaved: async (saved) => {
      saved.reset({ ...saved.getValues(), name: '', email: '', password: undefined });
      await reloadPeople();
    },
  });
  const { form, saving, errorOf } = api;
  const { register } = form;

  return (
    <ApiFormElement api={api} className="card" aria-labelledby="add-person-title" heading={<h2 id="add-person-title">{t('add.title')}</h2>}>
      <Field label={t('name')} error={errorOf('name')}>
        {(props) => <input {...props} {...register('name')} />}
      </Field>
      <Field label={t('email')} error={errorOf('email')}>
        {(props) => <input {...props} type="email" {...register('email')} />}
      </Field>
      <SelectField label={t('reportsTo')} optional error={errorOf('managerId')} registration={register('managerId', { setValueAs: (id: string | null) => id || null })}>
        <option value="">{t('nobodyTop')}</option>
        <PersonOptions people={users} />
      </SelectField>
      <RoleField role={form.watch('role') ?? 'member'} registration={register('role')} error={errorOf('role')} />
      <Field label={t('add.password')} optional help={t('add.passwordHelp')} error={errorOf('password')}>
        {(props) => <input {...props} type="password" autoComplete="new-password" {...register('password', { setValueAs: typed.optional })} />}
      </Field>
      <FormActions saving={saving} label={t('add.submit')} savingLabel={t('add.adding')}>
        <DoneNote text={done} />
      </FormActions>
    </ApiFormElement>
  );
}

function RoleField({ role, registration, error }: { role: AccessRole; registration: UseFormRegisterReturn; error: string | undefined }) {
  const { t } = useTranslation('people');
  return (
    <SelectField label={t('role')} help={roleHelp[role]} error={error} registration={registration}>
      <Options items={accessRoles} labelOf={(r) => roleLabels[r]} />
    </SelectField>
  );
}

/** An admin changes someone's role, sets a new password, or marks that they left. */
function EditPerson({ users }: { users: User[] }) {
  const { t } = useTranslation('people');
  const [userId, setUserId] = useState('');
  const chosen = users.find((u) => u.id === userId) ?? null;
  return (
    <Card title={t('access.title')}>
      <Field label={t('person')}>
        {(props) => (
          <select {...props} value={userId} onChange={(event) => setUserId(event.target.value)} data-testid="edit-person">
            <option value="">{t('choose')}</option>
            <PersonOptions people={users} />
          </select>
        )}
      </Field>
      {chosen && <EditAccess key={chosen.id} user={chosen} />}
    </Card>
  );
}

function EditAccess({ user }: { user: User }) {
  const { t } = useTranslation('people');
  const [done, setDone] = useState<string | null>(null);
  const api = useApiForm({
    schema: UserPatchBody,
    defaultValues: { name: undefined, managerId: undefined, role: user.role, active: undefined, password: undefined, language: undefined },
    save: async ({ role, password }) => {
      setDone(null);
      // Only what changed: a role sent as it was would still end their sessions for nothing.
      await requestJson(User, 'PATCH', `/api/users/${user.id}`, { ...(role === user.role ? {} : { role }), ...(password === undefined ? {} : { password }) });
      setDone(t('access.updated', { name: user.name }));
    },
    onSaved: async (saved) => {
      saved.resetField('password');
      await reloadPeople();
    },
  });
  const { form, saving, showRefusal, errorOf } = api;
  const { register } = form;
  const role = form.watch('role') ?? user.role;
  const password = form.watch('password');
  const leave = useMutation({
    mutationFn: () => requestJson(User, 'PATCH', `/api/users/${user.id}`, { active: false }),
    onSuccess: () => reloadPeople(),
  });

  async function markLeft() {
    if (!window.confirm(t('access.confirmLeft', { name: user.name }))) return;
    setDone(null);
    try {
      await leave.mutateAsync();
      setDone(t('access.left', { name: user.name }));
    } catch (error) {
      showRefusal(error);
    }
  }

  const busy = saving || leave.isPending;
  return (
    <ApiFormElement api={api} aria-label={t('access.label', { name: user.name })}>
      <RoleField role={role} registration={register('role')} error={errorOf('role')} />
      <Field label={t('access.password')} optional help={t('access.passwordHelp')} error={errorOf('password')}>
        {(props) => <input {...props} type="password" autoComplete="new-password" {...register('password', { setValueAs: typed.optional })} />}
      </Field>
      <FormActions saving={saving} label={t('access.save')} savingLabel={t('saving')} disabled={leave.isPending || (role === user.role && password === undefined)}>
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void markLeft()}>
          {t('hasLeft')}
        </button>
        <DoneNote text={done} />
      </FormActions>
    </ApiFormElement>
  );
}
