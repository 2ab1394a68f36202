import { useState } from 'react';
import { Card } from '../shared/Card';
import { ApiFormElement } from '../shared/ApiFormElement';
import { DoneNote } from '../shared/DoneNote';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { PersonOptions } from '../shared/PersonOptions';
import { reloadPeople } from '../shared/people';
import { requestJson } from '../shared/request';
import { SelectField } from '../shared/SelectField';
import { useApiForm } from '../shared/use-api-form';
import { User, UserPatchBody } from '../../../api/contract/users';

/**
 * An admin moves someone in the org chart: whom they report to. A choice that would make a loop
 * (their own report, or themselves) is refused by the API, and the reason stands at the field.
 */
export function ReportsTo({ users, personId, onChoose }: { users: User[]; personId: string | null; onChoose: (id: string) => void }) {
  const person = users.find((u) => u.id === personId) ?? null;
  return (
    <Card title="Change whom someone reports to" testId="reports-to">
      <Field label="Person">
        {(props) => (
          <select {...props} value={personId ?? ''} onChange={(event) => onChoose(event.target.value)} data-testid="reports-to-person">
            <option value="">Choose…</option>
            <PersonOptions people={users} />
          </select>
        )}
      </Field>
      {person && <ReportsToForm key={person.id} users={users} person={person} />}
    </Card>
  );
}

function ReportsToForm({ users, person }: { users: User[]; person: User }) {
  const [done, setDone] = useState<string | null>(null);
  const api = useApiForm({
    schema: UserPatchBody,
    defaultValues: { name: undefined, managerId: person.managerId, role: undefined, active: undefined, password: undefined, language: undefined },
    save: async ({ managerId }) => {
      setDone(null);
      const saved = await requestJson(User, 'PATCH', `/api/users/${person.id}`, { managerId: managerId ?? null });
      const manager = users.find((u) => u.id === saved.managerId);
      setDone(manager ? `${person.name} now reports to ${manager.name}.` : `${person.name} now reports to nobody.`);
    },
    onSaved: async (saved) => {
      saved.reset(saved.getValues());
      await reloadPeople();
    },
  });
  const { form, saving, errorOf } = api;
  return (
    <ApiFormElement api={api} aria-label={`Whom ${person.name} reports to`}>
      <SelectField
        label="Reports to"
        error={errorOf('managerId')}
        registration={form.register('managerId', { setValueAs: (id: string | null) => id || null })}
        testId="reports-to-manager"
      >
        <option value="">Nobody (top of the chart)</option>
        <PersonOptions people={users} />
      </SelectField>
      <FormActions saving={saving} label="Move" savingLabel="Moving…">
        <DoneNote text={done} />
      </FormActions>
    </ApiFormElement>
  );
}
