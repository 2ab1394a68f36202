import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('people');
  const person = users.find((u) => u.id === personId) ?? null;
  return (
    <Card title={t('move.title')} testId="reports-to">
      <Field label={t('person')}>
        {(props) => (
          <select {...props} value={personId ?? ''} onChange={(event) => onChoose(event.target.value)} data-testid="reports-to-person">
            <option value="">{t('choose')}</option>
            <PersonOptions people={users} />
          </select>
        )}
      </Field>
      {person && <ReportsToForm key={person.id} users={users} person={person} />}
    </Card>
  );
}

function ReportsToForm({ users, person }: { users: User[]; person: User }) {
  const { t } = useTranslation('people');
  const [done, setDone] = useState<string | null>(null);
  const api = useApiForm({
    schema: UserPatchBody,
    defaultValues: { name: undefined, managerId: person.managerId, role: undefined, active: undefined, password: undefined, language: undefined },
    save: async ({ managerId }) => {
      setDone(null);
      const saved = await requestJson(User, 'PATCH', `/api/users/${person.id}`, { managerId: managerId ?? null });
      const manager = users.find((u) => u.id === saved.managerId);
      setDone(manager ? t('move.movedTo', { person: person.name, manager: manager.name }) : t('move.movedToNobody', { person: person.name }));
    },
    onSaved: async (saved) => {
      saved.reset(saved.getValues());
      await reloadPeople();
    },
  });
  const { form, saving, errorOf } = api;
  return (
    <ApiFormElement api={api} aria-label={t('move.label', { name: person.name })}>
      <SelectField
        label={t('reportsTo')}
        error={errorOf('managerId')}
        registration={form.register('managerId', { setValueAs: (id: string | null) => id || null })}
        testId="reports-to-manager"
      >
        <option value="">{t('nobodyTop')}</option>
        <PersonOptions people={users} />
      </SelectField>
      <FormActions saving={saving} label={t('move.submit')} savingLabel={t('move.moving')}>
        <DoneNote text={done} />
      </FormActions>
    </ApiFormElement>
  );
}
