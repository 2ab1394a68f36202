import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PersonSelectField } from '../shared/SelectField';
import { Link, useLocation } from 'wouter';
import { PageHead, ProjectCrumbs } from '../app/PageHead';
import { z } from 'zod';
import { useSession } from '../auth/session-store';
import { useCan } from '../auth/use-can';
import { roleLabels } from '../auth/permissions';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { numberOrUndefined } from '../shared/format';
import { usePeople } from '../shared/people';
import { requestJson } from '../shared/request';
import { afterDay, dateInputValue, lastDayInputValue, startOfDay, timeZoneLabel } from '../shared/time';
import { useApiForm } from '../shared/use-api-form';
import { NewProjectBody } from '../../../api/contract/projects';
import { DEFAULT_TIME_ZONE } from '../../../workflows/domain/time-zone';

// A new project works on the default calendar, so its days are the default zone's, whatever the browser's.
const zone = { timeZone: DEFAULT_TIME_ZONE };

/** A year from the first of this month (in the calendar's zone). */
function defaultPeriod(): { start: string | undefined; end: string | undefined } {
  const [year, month] = dateInputValue(new Date(), zone).split('-').map(Number) as [number, number];
  const day = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
  return { start: startOfDay(day(year, month), zone), end: startOfDay(day(year + 1, month), zone) };
}

/** The project's basics; goals, targets and milestones follow on the plan page. */
export function NewProjectPage() {
  const { t } = useTranslation(['plan', 'shared']);
  const { user } = useSession();
  const mayCreate = useCan('createProject');
  const mayChooseOwner = useCan('chooseProjectOwner');
  const people = usePeople({ ownersOfNewProject: true });
  const [, navigate] = useLocation();
  const period = defaultPeriod();
  const api = useApiForm({
    schema: NewProjectBody,
    defaultValues: {
      name: '',
      ownerId: user.id,
      periodStart: period.start,
      periodEnd: period.end,
      reviewEveryDays: undefined,
      monitoringDays: undefined,
      calendar: undefined,
      retroInputDays: undefined,
      retroReminderDays: undefined,
      retroHardDeadlineDays: undefined,
      milestones: [],
    },
    save: async (body) => {
      const created = await requestJson(z.object({ id: z.string() }), 'POST', '/api/projects', { ...body, ownerId: mayChooseOwner ? body.ownerId : user.id });
      navigate(`/projects/${created.id}/plan`);
    },
    onSaved: () => undefined,
  });
  const { form, saving, errorOf } = api;
  const { register, control } = form;
  const days = { setValueAs: (text: string | number | undefined) => numberOrUndefined(String(text ?? '')) };

  if (!mayCreate) {
    return (
      <main className="page page--narrow">
        <h1>{t('newProject.title')}</h1>
        <p className="callout callout--info" role="note">
          {t('newProject.mayNot', { role: roleLabels[user.role].toLowerCase() })}
        </p>
      </main>
    );
  }

  return (
    <main className="page page--narrow">
      <PageHead
        crumbs={<ProjectCrumbs />}
        title={t('newProject.title')}
      >
        {t('newProject.intro')}
      </PageHead>
      <ApiFormElement api={api} className="card" aria-label={t('newProject.title')}>
        <Field label={t('common.name')} error={errorOf('name')}>
          {(props) => <input {...props} {...register('name')} autoFocus data-testid="project-name" />}
        </Field>
        {mayChooseOwner ? (
          <PersonSelectField label={t('common.owner')} error={errorOf('ownerId')} help={t('newProject.ownerHelp')} registration={register('ownerId')} testId="project-owner" people={people}>
            <option value="">{t('newProject.choose')}</option>
          </PersonSelectField>
        ) : (
          <p className="field__help">{t('newProject.youOwn')}</p>
        )}
        <div className="form-row">
          <Field label={t('newProject.startsOn')} error={errorOf('periodStart')}>
            {(props) => (
              <Controller
                control={control}
                name="periodStart"
                render={({ field }) => (
                  <input {...props} type="date" ref={field.ref} name={field.name} onBlur={field.onBlur} value={field.value ? dateInputValue(field.value, zone) : ''} onChange={(event) => field.onChange(startOfDay(event.target.value, zone))} data-testid="project-start" />
                )}
              />
            )}
          </Field>
          <Field label={t('common.lastDay')} help={t('newProject.lastDayHelp', { zone: timeZoneLabel(DEFAULT_TIME_ZONE) })} error={errorOf('periodEnd')}>
            {(props) => (
              <Controller
                control={control}
                name="periodEnd"
                render={({ field }) => (
                  <input {...props} type="date" ref={field.ref} name={field.name} onBlur={field.onBlur} value={field.value ? lastDayInputValue(field.value, zone) : ''} onChange={(event) => field.onChange(afterDay(event.target.value, zone))} data-testid="project-last-day" />
                )}
              />
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('newProject.reviewEveryDays')} optional error={errorOf('reviewEveryDays')}>
            {(props) => <input {...props} inputMode="decimal" {...register('reviewEveryDays', days)} />}
          </Field>
          <Field label={t('newProject.monitoringDays')} optional help={t('newProject.monitoringHelp')} error={errorOf('monitoringDays')}>
            {(props) => <input {...props} inputMode="decimal" {...register('monitoringDays', days)} />}
          </Field>
        </div>
        <FormActions saving={saving} label={t('newProject.create')} savingLabel={t('shared:creating')}>
          <Link href="/projects" className="button">
            {t('shared:cancel')}
          </Link>
        </FormActions>
      </ApiFormElement>
    </main>
  );
}
