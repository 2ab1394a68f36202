import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { z } from 'zod';
import { useSession } from '../auth/session-store';
import { useCan } from '../auth/use-can';
import { roleLabels } from '../auth/permissions';
import { Field, FormAlert } from '../shared/Field';
import { numberOrUndefined, textOrUndefined } from '../shared/format';
import { usePeople } from '../shared/people';
import { requestJson } from '../shared/request';
import { afterDay, dateInputValue, startOfDay, toOffsetIso } from '../shared/time';
import { useSubmit } from '../shared/use-submit';
import '../shared/web.css';
import { PersonOptions } from '../shared/PersonOptions';

const fields = ['name', 'ownerId', 'periodStart', 'periodEnd', 'reviewEveryDays', 'monitoringDays'] as const;

function defaultPeriod(): { start: string; last: string } {
  const now = new Date();
  const start = new Date(now.getFullYear(), now.getMonth(), 1);
  const last = new Date(start.getFullYear() + 1, start.getMonth(), 0);
  return { start: dateInputValue(start), last: dateInputValue(last) };
}

/** The project's basics; goals, targets and milestones follow on the plan page. */
export function NewProjectPage() {
  const { user } = useSession();
  const mayCreate = useCan('createProject');
  const mayChooseOwner = useCan('chooseProjectOwner');
  const people = usePeople();
  const [, navigate] = useLocation();
  const period = defaultPeriod();
  const [name, setName] = useState('');
  const [ownerId, setOwnerId] = useState(user.id);
  const [start, setStart] = useState(period.start);
  const [last, setLast] = useState(period.last);
  const [reviewEveryDays, setReviewEveryDays] = useState('');
  const [monitoringDays, setMonitoringDays] = useState('');
  const { errors, saving, formRef, run } = useSubmit(fields);

  function submit(event: FormEvent) {
    event.preventDefault();
    const periodStart = startOfDay(start);
    const periodEnd = afterDay(last);
    void run(async () => {
      const created = await requestJson(z.object({ id: z.string() }), 'POST', '/api/projects', {
        name: textOrUndefined(name),
        ownerId: mayChooseOwner ? ownerId || undefined : user.id,
        periodStart: periodStart ? toOffsetIso(periodStart) : undefined,
        periodEnd: periodEnd ? toOffsetIso(periodEnd) : undefined,
        reviewEveryDays: numberOrUndefined(reviewEveryDays),
        monitoringDays: numberOrUndefined(monitoringDays),
        milestones: [],
      });
      navigate(`/projects/${created.id}/plan`);
    });
  }

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
      <div className="page__head">
        <div>
          <p className="crumbs">
            <Link href="/projects">Projects</Link> /
          </p>
          <h1>New project</h1>
          <p className="muted">Start with the basics; goals, the target split, milestones, budget and risks come next.</p>
        </div>
      </div>
      <form ref={formRef} className="card" onSubmit={submit} noValidate aria-label="New project">
        <FormAlert errors={errors} />
        <Field label="Name" error={errors.fields.name}>
          {(props) => <input {...props} value={name} onChange={(event) => setName(event.target.value)} autoFocus data-testid="project-name" />}
        </Field>
        {mayChooseOwner ? (
          <Field label="Owner" error={errors.fields.ownerId} help="Answers for the project; their manager approves the plan. You, or someone below you in the org chart.">
            {(props) => (
              <select {...props} value={ownerId} onChange={(event) => setOwnerId(event.target.value)} data-testid="project-owner">
                <option value="">Choose…</option>
                <PersonOptions people={people} />
              </select>
            )}
          </Field>
        ) : (
          <p className="field__help">You own the project; your manager approves the plan.</p>
        )}
        <div className="form-row">
          <Field label="Starts on" error={errors.fields.periodStart}>
            {(props) => <input {...props} type="date" value={start} onChange={(event) => setStart(event.target.value)} data-testid="project-start" />}
          </Field>
          <Field label="Last day" help="The period runs to the end of this day." error={errors.fields.periodEnd}>
            {(props) => <input {...props} type="date" value={last} onChange={(event) => setLast(event.target.value)} data-testid="project-last-day" />}
          </Field>
        </div>
        <div className="form-row">
          <Field label="Status summary every (days)" optional error={errors.fields.reviewEveryDays}>
            {(props) => <input {...props} inputMode="decimal" value={reviewEveryDays} onChange={(event) => setReviewEveryDays(event.target.value)} />}
          </Field>
          <Field label="Monitoring after the period (days)" optional help="Time for late KPI reports before the closing review." error={errors.fields.monitoringDays}>
            {(props) => <input {...props} inputMode="decimal" value={monitoringDays} onChange={(event) => setMonitoringDays(event.target.value)} />}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Creating…' : 'Create and plan'}
          </button>
          <Link href="/projects" className="button">
            Cancel
          </Link>
        </div>
      </form>
    </main>
  );
}
