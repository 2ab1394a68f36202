import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonSelectField, SelectField } from '../shared/SelectField';
import { Card } from '../shared/Card';
import { Options } from '../shared/Options';
import { errorMessage } from '../api/client';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { usePeople, usePeopleNames } from '../shared/people';
import { requestJson } from '../shared/request';
import { formatDateTime } from '../shared/time';
import { typed, useApiForm } from '../shared/use-api-form';
import type { PlanContext } from './plan-data';
import { useRemove } from './use-remove';
import { ItemList, RemoveButton, SectionError } from './ItemList';
import { NewTaskBody, Task } from '../../../api/contract/tasks';
import { taskStatuses } from '../../../workflows/domain/plan-item-states';

export function TasksSection({ plan }: { plan: PlanContext }) {
  const { t } = useTranslation('plan');
  const { data, reload } = plan;
  const nameOf = usePeopleNames();
  const { error, remove } = useRemove(reload);
  const [statusError, setStatusError] = useState<string | null>(null);
  const mayWork = plan.can.editTasks;
  const base = `/api/projects/${data.project.id}/tasks`;

  // Tasks are the team's day-to-day work: they change in every phase.
  async function setStatus(task: Task, status: string) {
    try {
      await requestJson(Task, 'PATCH', `${base}/${task.id}`, { status });
      setStatusError(null);
      await reload();
    } catch (reason) {
      setStatusError(errorMessage(reason));
    }
  }

  return (
    <Card title={t('tasks.title')}>
      <SectionError message={error ?? statusError} />
      <ItemList items={data.tasks} empty={t('tasks.empty')}>
        {(task) => ({
          main: (
            <>
              <strong>{task.title}</strong>
              <br />
              <span className="small muted">
                {nameOf(task.assigneeId)}
                {task.dueAt && t('tasks.due', { time: formatDateTime(task.dueAt, { timeZone: data.project.basics.calendar.timeZone }) })}
              </span>
            </>
          ),
          actions: (
            <div className="row-actions">
              {mayWork ? (
                <select aria-label={t('tasks.statusOf', { title: task.title })} value={task.status} onChange={(event) => void setStatus(task, event.target.value)}>
                  <Options items={taskStatuses} labelOf={(s) => t(`tasks.statuses.${s}`)} />
                </select>
              ) : (
                <span className="small">{t(`tasks.statuses.${task.status}`)}</span>
              )}
              {mayWork && <RemoveButton label={t('tasks.remove', { title: task.title })} onClick={() => void remove(`${base}/${task.id}`, t('tasks.removeQuestion', { title: task.title }))} />}
            </div>
          ),
        })}
      </ItemList>
      {mayWork && <TaskForm plan={plan} />}
    </Card>
  );
}

function TaskForm({ plan }: { plan: PlanContext }) {
  const { t } = useTranslation(['plan', 'shared']);
  const people = usePeople();
  const api = useApiForm({
    schema: NewTaskBody,
    defaultValues: { title: '', assigneeId: undefined, dueAt: undefined, milestoneId: undefined, status: undefined },
    save: (body) => requestJson(Task, 'POST', `/api/projects/${plan.data.project.id}/tasks`, body),
    onSaved: async (saved) => {
      saved.resetField('title');
      await plan.reload();
    },
  });
  const { form, saving, errorOf } = api;
  const { register } = form;

  return (
    <ApiFormElement api={api} className="subform" aria-label={t('tasks.add')}>
      <div className="form-row">
        <Field label={t('tasks.task')} error={errorOf('title')}>
          {(props) => <input {...props} {...register('title')} />}
        </Field>
        <PersonSelectField label={t('tasks.assignee')} optional error={errorOf('assigneeId')} registration={register('assigneeId', { setValueAs: typed.optional })} people={people}>
          <option value="">{t('common.nobodyYet')}</option>
        </PersonSelectField>
        <Field label={t('common.due')} optional error={errorOf('dueAt')}>
          {(props) => <input {...props} type="datetime-local" {...register('dueAt', { setValueAs: typed.instantIn({ timeZone: plan.data.project.basics.calendar.timeZone }) })} />}
        </Field>
        <SelectField label={t('tasks.forMilestone')} optional error={errorOf('milestoneId')} registration={register('milestoneId', { setValueAs: typed.optional })}>
          <option value="">{t('tasks.none')}</option>
          <Options items={plan.data.milestones} optionValue={(m) => m.id} labelOf={(m) => m.name} />
        </SelectField>
      </div>
      <FormActions saving={saving} label={t('tasks.save')} savingLabel={t('shared:adding')} primary={false} />
    </ApiFormElement>
  );
}
