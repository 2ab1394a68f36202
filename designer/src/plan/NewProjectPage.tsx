import { Controller } from 'react-hook-form';
import { SelectField } from '../shared/SelectField';
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
import { afterDay, dateInputValue, lastDayInputValue, startOfDay, toOffsetIso } from '../shared/time';
import { useApiForm } from '../shared/use-api-form';
import { PersonOptions } from '../shared/PersonOptions';
import { NewProjectBody } from '../../../api/contract/projects';

const isoOf = (date: Date | null): string | undefined => (date === null ? undefined : toOffsetIso(date));

function defaultPeriod(): { start: string | undefined; end: string | undefined } {
  const now = new Date();
  const start = new Date(now.getFullYear(), now.getMonth(), 1);
  const last = new Date(start.getFullYear() + 1, start.getMonth(), 0);
  return { start: isoOf(startOfDay(dateInputValue(start))), end: isoOf(afterDay(dateInputValue(last))) };
}

/** The project's basics; goals, targets and milestones follow on the plan page. */
export function NewProjectPage() {
  const { user } = useSession();
  const mayCreate = useCan('createProject');
  const mayChooseOwner = useCan('chooseProjectOwner');
  const people = usePeople();
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
        <h1>New project</h1>
        <p className="callout callout--info" role="note">
          As {roleLabels[user.role].toLowerCase()} you do not start projects; admins, managers and members do.
        </p>
      </main>
    );
  }

  return (
    <main className="page page--narrow">
      <PageHead
        crumbs={<ProjectCrumbs />}
        title="New project"
      >
        Start with the basics; goals, the target split, milestones, budget and risks come next.
      </PageHead>
      <ApiFormElement api={api} className="card" aria-label="New project">
        <Field label="Name" error={errorOf('name')}>
          {(props) => <input {...props} {...register('name')} autoFocus data-testid="project-name" />}
        </Field>
        {mayChooseOwner ? (
          <SelectField label="Owner" error={errorOf('ownerId')} help="Answers for the project; their manager approves the plan. You, or someone below you in the org chart." registration={register('ownerId')} testId="project-owner">
            <option value="">Choose…</option>
            <PersonOptions people={people} />
          </SelectField>
        ) : (
          <p className="field__help">You own the project; your manager approves the plan.</p>
        )}
        <div className="form-row">
          <Field label="Starts on" error={errorOf('periodStart')}>
            {(props) => (
              <Controller
                control={control}
                name="periodStart"
                render={({ field }) => (
                  <input {...props} type="date" ref={field.ref} name={field.name} onBlur={field.onBlur} value={field.value ? dateInputValue(new Date(field.value)) : ''} onChange={(event) => field.onChange(isoOf(startOfDay(event.target.value)))} data-testid="project-start" />
                )}
              />
            )}
          </Field>
          <Field label="Last day" help="The period runs to the end of this day." error={errorOf('periodEnd')}>
            {(props) => (
              <Controller
                control={control}
                name="periodEnd"
                render={({ field }) => (
                  <input {...props} type="date" ref={field.ref} name={field.name} onBlur={field.onBlur} value={field.value ? lastDayInputValue(field.value) : ''} onChange={(event) => field.onChange(isoOf(afterDay(event.target.value)))} data-testid="project-last-day" />
                )}
              />
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field label="Status summary every (days)" optional error={errorOf('reviewEveryDays')}>
            {(props) => <input {...props} inputMode="decimal" {...register('reviewEveryDays', days)} />}
          </Field>
          <Field label="Monitoring after the period (days)" optional help="Time for late KPI reports before the closing review." error={errorOf('monitoringDays')}>
            {(props) => <input {...props} inputMode="decimal" {...register('monitoringDays', days)} />}
          </Field>
        </div>
        <FormActions saving={saving} label="Create and plan" savingLabel="Creating…">
          <Link href="/projects" className="button">
            Cancel
          </Link>
        </FormActions>
      </ApiFormElement>
    </main>
  );
}
