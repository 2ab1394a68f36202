import { CalendarOff } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import { PageState } from '../app/PageState';
import { usePageQuery } from '../app/queries';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Card } from '../shared/Card';
import { DoneNote } from '../shared/DoneNote';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { PersonOptions } from '../shared/PersonOptions';
import { SelectField } from '../shared/SelectField';
import { usePeople } from '../shared/people';
import { requestJson, requestVoid } from '../shared/request';
import { TimeText } from '../shared/TimeText';
import { typed, useApiForm } from '../shared/use-api-form';
import { useSession } from './session-store';
import { AbsenceBody, AbsenceState, type Absence } from '../../../api/contract/absences';
import type { User } from '../../../api/contract/users';
import { compareNames } from '../shared/collate';

/** The active people below `managerId` in the org chart, at any depth: those whose absence they may set too. */
function peopleBelow(users: readonly User[], managerId: string): User[] {
  const below: User[] = [];
  const queue = [managerId];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const boss = queue.shift()!;
    for (const user of users) {
      if (user.managerId !== boss || seen.has(user.id)) continue;
      seen.add(user.id);
      below.push(user);
      queue.push(user.id);
    }
  }
  return below.filter((user) => user.active).sort((a, b) => compareNames(a.name, b.name));
}

/**
 * An absence: from when until when, and who stands in meanwhile. Requests that arrive then go to
 * the deputy, on behalf of the person. A manager sets one for the people below them here too.
 */
export function AbsenceCard() {
  const { user } = useSession();
  const people = usePeople();
  const users = useMemo(() => (people.status === 'ready' ? people.users : []), [people]);
  const reports = useMemo(() => peopleBelow(users, user.id), [users, user.id]);
  const [whose, setWhose] = useState(user.id);
  const { t } = useTranslation('auth');
  return (
    <Card title={<><CalendarOff size={16} aria-hidden="true" /> {t('absence.title')}</>} testId="absence">
      <p className="field__help">{t('absence.help')}</p>
      {reports.length > 0 && (
        <div className="field">
          <label className="field__label" htmlFor="absence-whose">
            {t('absence.whose')}
          </label>
          <select id="absence-whose" value={whose} onChange={(event) => setWhose(event.target.value)} data-testid="absence-whose">
            <option value={user.id}>{t('absence.yours')}</option>
            <PersonOptions people={reports} />
          </select>
        </div>
      )}
      <PersonAbsence key={whose} userId={whose} deputies={users.filter((u) => u.active && u.id !== whose)} />
    </Card>
  );
}

function PersonAbsence({ userId, deputies }: { userId: string; deputies: User[] }) {
  const state = usePageQuery(['absence', userId], () => requestJson(AbsenceState, 'GET', `/api/users/${userId}/absence`));
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation('auth');

  async function end() {
    try {
      await requestVoid('DELETE', `/api/users/${userId}/absence`);
      setError(null);
      setDone(t('absence.ended'));
      await state.reload();
    } catch (reason) {
      setError(errorMessage(reason));
    }
  }

  return (
    <>
      <PageState load={state.load} retry={state.retry}>
        {({ absence }) => (absence ? <AbsenceNow absence={absence} onEnd={() => void end()} /> : <p className="muted" data-testid="no-absence">{t('absence.none')}</p>)}
      </PageState>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <DoneNote text={done} />
      <AbsenceForm
        userId={userId}
        deputies={deputies}
        onSaved={async () => {
          setDone(t('absence.saved'));
          await state.reload();
        }}
      />
    </>
  );
}

function AbsenceNow({ absence, onEnd }: { absence: Absence; onEnd: () => void }) {
  const { t } = useTranslation('auth');
  return (
    <div className={`callout${absence.current ? ' callout--warn' : ''}`} data-testid="absence-now">
      <p>
        {absence.current ? t('absence.awayNowFrom') : t('absence.awayFrom')} <TimeText at={absence.startsAt} hint={false} /> {t('absence.until')} <TimeText at={absence.endsAt} hint={false} />
        {t('absence.deputyBefore')}
        <strong>{absence.deputy.name}</strong>
        {t('absence.deputyAfter')}
        {absence.setBy && <span className="muted small"> {t('absence.setBy', { name: absence.setBy.name })}</span>}
      </p>
      <button type="button" className="button" onClick={onEnd} data-testid="end-absence">
        {t('absence.end')}
      </button>
    </div>
  );
}

function AbsenceForm({ userId, deputies, onSaved }: { userId: string; deputies: User[]; onSaved: () => Promise<void> }) {
  const api = useApiForm({
    schema: AbsenceBody,
    defaultValues: { startsAt: undefined, endsAt: undefined, deputyId: '' },
    save: (body) => requestJson(AbsenceState, 'PUT', `/api/users/${userId}/absence`, body),
    onSaved: async (form) => {
      form.reset();
      await onSaved();
    },
  });
  const { form, saving, errorOf } = api;
  const { register } = form;
  const { t } = useTranslation('auth');
  return (
    <ApiFormElement api={api} className="subform" aria-labelledby={`absence-form-${userId}`} data-testid="absence-form" heading={<h3 id={`absence-form-${userId}`}>{t('absence.formTitle')}</h3>}>
      <div className="form-row">
        <Field label={t('absence.from')} error={errorOf('startsAt')}>
          {(props) => <input {...props} type="datetime-local" step={1} {...register('startsAt', { setValueAs: typed.instant })} data-testid="absence-from" />}
        </Field>
        <Field label={t('absence.untilField')} help={t('absence.untilHelp')} error={errorOf('endsAt')}>
          {(props) => <input {...props} type="datetime-local" step={1} {...register('endsAt', { setValueAs: typed.instant })} data-testid="absence-until" />}
        </Field>
        <SelectField label={t('absence.deputy')} error={errorOf('deputyId')} registration={register('deputyId')} testId="absence-deputy">
          <option value="">{t('absence.choose')}</option>
          <PersonOptions people={deputies} />
        </SelectField>
      </div>
      <FormActions saving={saving} label={t('absence.save')} savingLabel={t('absence.saving')} testId="save-absence" />
    </ApiFormElement>
  );
}
