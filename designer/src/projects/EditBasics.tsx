import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Card } from '../shared/Card';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { ApiFormElement } from '../shared/ApiFormElement';
import { PersonSelectField, SelectField } from '../shared/SelectField';
import { numberOrUndefined } from '../shared/format';
import { usePeople } from '../shared/people';
import { requestJson } from '../shared/request';
import { typed, useApiForm } from '../shared/use-api-form';
import { CheckMove } from '../../../api/contract/lifecycle';
import { CalendarFields } from './CalendarFields';
import { MovedTimers } from './MovedTimers';
import { ProjectBasicsBody, ProjectBasicsChanged, timerBasics } from '../../../api/contract/project-basics';
import type { ProjectDetail } from '../../../api/contract/projects';
import { Team } from '../../../api/contract/teams';
import type { z } from 'zod';

type Body = z.output<typeof ProjectBasicsBody>;

const fieldOf = { calendar: 'calendar', reviewEveryDays: 'review_every_days', monitoringDays: 'monitoring_days' } as const;

/** The timer-moving fields a body changes from the project's basics now. */
function movedTimers(project: ProjectDetail, body: Partial<Record<(typeof timerBasics)[number], unknown>>) {
  return timerBasics.filter((key) => body[key] !== undefined && JSON.stringify(body[key]) !== JSON.stringify(project.basics[key]));
}

interface Preview {
  body: Body;
  moves: CheckMove[];
}

/**
 * A running project's basics. Name, description, owner and team change at once; a calendar,
 * review cadence or monitoring window change in execution first shows which timers it moves (the
 * change request's preview), then goes out as a change request once the person confirms.
 */
export function EditBasics({ project, onClose, onDone }: { project: ProjectDetail; onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation('projects');
  const people = usePeople();
  const teams = useQuery({ queryKey: ['teams'], queryFn: ({ signal }) => requestJson(Team.array(), 'GET', '/api/teams', undefined, signal) });
  const [preview, setPreview] = useState<Preview | null>(null);
  const previewed = useRef(false);
  const asRequest = (body: Body) => project.phase === 'execution' && movedTimers(project, body).length > 0;
  const send = (body: Body) => requestJson(ProjectBasicsChanged, 'PATCH', `/api/projects/${project.id}`, body);

  const api = useApiForm({
    schema: ProjectBasicsBody,
    defaultValues: { ...project.basics, reason: undefined },
    save: async (body) => {
      previewed.current = false;
      if (!asRequest(body)) return send(body);
      // The same preview the change request shows its approvers: one per changed timer field.
      const moves = await Promise.all(
        movedTimers(project, body).map((key) =>
          requestJson(CheckMove.array(), 'POST', `/api/projects/${project.id}/change-requests/preview`, {
            subjectKind: 'project',
            subjectId: project.id,
            field: fieldOf[key],
            after: body[key],
            reason: body.reason ?? '',
          }),
        ),
      );
      previewed.current = true;
      setPreview({ body, moves: moves.flat() });
    },
    onSaved: async () => {
      if (!previewed.current) await onDone();
    },
  });
  const { form, saving, errorOf } = api;
  const { register, control } = form;
  const days = { setValueAs: (text: string | number | undefined) => numberOrUndefined(String(text ?? '')) };
  const watched = useWatch({ control });
  const needsReason = project.phase === 'execution' && movedTimers(project, watched).length > 0;
  const [confirming, setConfirming] = useState(false);

  async function confirm() {
    if (!preview) return;
    setConfirming(true);
    try {
      await send(preview.body);
      await onDone();
    } catch (error) {
      setPreview(null);
      api.showRefusal(error);
    } finally {
      setConfirming(false);
    }
  }

  if (preview) {
    return (
      <Card title={t('basics.previewTitle')} testId="basics-preview">
        <p>{t('basics.previewText')}</p>
        <MovedTimers moves={preview.moves} />
        <div className="form-actions">
          <button type="button" className="button button--primary" disabled={confirming} onClick={() => void confirm()}>
            {confirming ? t('basics.sending') : t('basics.send')}
          </button>
          <button type="button" className="button" disabled={confirming} onClick={() => setPreview(null)}>
            {t('basics.back')}
          </button>
        </div>
      </Card>
    );
  }

  return (
    <ApiFormElement api={api} className="card" aria-labelledby="basics-title" data-testid="basics-form" heading={<h2 id="basics-title">{t('basics.title')}</h2>}>
      <Field label={t('basics.name')} error={errorOf('name')}>
        {(props) => <input {...props} {...register('name')} />}
      </Field>
      <Field label={t('basics.description')} optional error={errorOf('description')}>
        {(props) => <textarea {...props} rows={3} {...register('description', { setValueAs: (text: string | null) => (text === '' || text === null ? null : text) })} />}
      </Field>
      <div className="form-row">
        <PersonSelectField label={t('basics.owner')} error={errorOf('ownerId')} registration={register('ownerId')} people={people} />
        <SelectField label={t('basics.team')} optional error={errorOf('teamId')} registration={register('teamId', { setValueAs: (id: string | null) => (id === '' || id === null ? null : id) })}>
          <option value="">{t('basics.none')}</option>
          {(teams.data ?? []).map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-row">
        <Field label={t('basics.reviewEvery')} error={errorOf('reviewEveryDays')}>
          {(props) => <input {...props} inputMode="decimal" {...register('reviewEveryDays', days)} />}
        </Field>
        <Field label={t('basics.monitoring')} error={errorOf('monitoringDays')}>
          {(props) => <input {...props} inputMode="decimal" {...register('monitoringDays', days)} />}
        </Field>
      </div>
      <CalendarFields form={form} errorOf={errorOf} />
      {needsReason && (
        <Field label={t('basics.reason')} help={t('basics.reasonHelp')} error={errorOf('reason')}>
          {(props) => <textarea {...props} rows={2} {...register('reason', { setValueAs: typed.optional })} />}
        </Field>
      )}
      <FormActions saving={saving} label={needsReason ? t('basics.preview') : t('basics.save')} savingLabel={t('basics.saving')}>
        <button type="button" className="button" onClick={onClose}>
          {t('basics.cancel')}
        </button>
      </FormActions>
    </ApiFormElement>
  );
}
