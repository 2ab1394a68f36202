import { useState } from 'react';
import { SelectField } from '../shared/SelectField';
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
import { PersonOptions } from '../shared/PersonOptions';
import { NewTaskBody, Task } from '../../../api/contract/tasks';
import { taskStatuses } from '../../../workflows/domain/plan-item-states';

const statusLabels: Record<Task['status'], string> = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' };

export function TasksSection({ plan }: { plan: PlanContext }) {
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
    <Card title="Tasks">
      <SectionError message={error ?? statusError} />
      <ItemList items={data.tasks} empty="No tasks yet.">
        {(task) => ({
          main: (
            <>
              <strong>{task.title}</strong>
              <br />
              <span className="small muted">
                {nameOf(task.assigneeId)}
                {task.dueAt && ` · due ${formatDateTime(task.dueAt)}`}
              </span>
            </>
          ),
          actions: (
            <div className="row-actions">
              {mayWork ? (
                <select aria-label={`Status of ${task.title}`} value={task.status} onChange={(event) => void setStatus(task, event.target.value)}>
                  <Options items={taskStatuses} labelOf={(s) => statusLabels[s]} />
                </select>
              ) : (
                <span className="small">{statusLabels[task.status]}</span>
              )}
              {mayWork && <RemoveButton label={`Remove task ${task.title}`} onClick={() => void remove(`${base}/${task.id}`, `Remove the task “${task.title}”?`)} />}
            </div>
          ),
        })}
      </ItemList>
      {mayWork && <TaskForm plan={plan} />}
    </Card>
  );
}

function TaskForm({ plan }: { plan: PlanContext }) {
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
    <ApiFormElement api={api} className="subform" aria-label="Add a task">
      <div className="form-row">
        <Field label="Task" error={errorOf('title')}>
          {(props) => <input {...props} {...register('title')} />}
        </Field>
        <SelectField label="Assignee" optional error={errorOf('assigneeId')} registration={register('assigneeId', { setValueAs: typed.optional })}>
          <option value="">Nobody yet</option>
          <PersonOptions people={people} />
        </SelectField>
        <Field label="Due" optional error={errorOf('dueAt')}>
          {(props) => <input {...props} type="datetime-local" {...register('dueAt', { setValueAs: typed.instant })} />}
        </Field>
        <SelectField label="For milestone" optional error={errorOf('milestoneId')} registration={register('milestoneId', { setValueAs: typed.optional })}>
          <option value="">None</option>
          <Options items={plan.data.milestones} optionValue={(m) => m.id} labelOf={(m) => m.name} />
        </SelectField>
      </div>
      <FormActions saving={saving} label="Add task" savingLabel="Adding…" primary={false} />
    </ApiFormElement>
  );
}
