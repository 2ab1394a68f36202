import { Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { accessIncludes } from '../auth/project-access';
import { Field, FormAlert } from '../shared/Field';
import { textOrUndefined } from '../shared/format';
import { usePeople, usePeopleNames } from '../shared/people';
import { requestJson } from '../shared/request';
import { formatDateTime, fromLocalInput, toOffsetIso } from '../shared/time';
import { useSubmit } from '../shared/use-submit';
import type { PlanContext } from './plan-data';
import { useRemove } from './use-remove';
import { PersonOptions } from '../shared/PersonOptions';
import { Task } from '../../../api/contract/tasks';
import { taskStatuses } from '../../../workflows/domain/plan-item-states';

const fields = ['title', 'assigneeId', 'dueAt', 'milestoneId'] as const;
const statusLabels: Record<Task['status'], string> = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' };

export function TasksSection({ plan }: { plan: PlanContext }) {
  const { data, editable, reload } = plan;
  const nameOf = usePeopleNames();
  const { error, remove } = useRemove(reload);
  const [statusError, setStatusError] = useState<string | null>(null);
  const mayWork = accessIncludes(plan.access, 'work');
  const base = `/api/projects/${data.project.id}/tasks`;

  // A task's status moves in every phase; the rest of it is part of the plan.
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
    <section className="card" aria-labelledby="tasks-title">
      <h2 id="tasks-title">Tasks</h2>
      {(error ?? statusError) && (
        <p className="error-text" role="alert">
          {error ?? statusError}
        </p>
      )}
      {data.tasks.length === 0 ? (
        <p className="muted">No tasks yet.</p>
      ) : (
        <ul className="item-list">
          {data.tasks.map((task) => (
            <li key={task.id} className="item-list__item">
              <div>
                <strong>{task.title}</strong>
                <br />
                <span className="small muted">
                  {nameOf(task.assigneeId)}
                  {task.dueAt && ` · due ${formatDateTime(task.dueAt)}`}
                </span>
              </div>
              <div className="row-actions">
                {mayWork ? (
                  <select aria-label={`Status of ${task.title}`} value={task.status} onChange={(event) => void setStatus(task, event.target.value)}>
                    {taskStatuses.map((s) => (
                      <option key={s} value={s}>
                        {statusLabels[s]}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="small">{statusLabels[task.status]}</span>
                )}
                {editable && (
                  <button type="button" className="icon-button" aria-label={`Remove task ${task.title}`} onClick={() => void remove(`${base}/${task.id}`, `Remove the task “${task.title}”?`)}>
                    <Trash2 size={15} aria-hidden="true" />
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {editable && <TaskForm plan={plan} />}
    </section>
  );
}

function TaskForm({ plan }: { plan: PlanContext }) {
  const people = usePeople();
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [due, setDue] = useState('');
  const [milestoneId, setMilestoneId] = useState('');
  const { errors, saving, formRef, run } = useSubmit(fields);

  function submit(event: FormEvent) {
    event.preventDefault();
    const dueAt = fromLocalInput(due);
    void run(async () => {
      await requestJson(Task, 'POST', `/api/projects/${plan.data.project.id}/tasks`, {
        title: textOrUndefined(title),
        ...(assigneeId ? { assigneeId } : {}),
        ...(dueAt ? { dueAt: toOffsetIso(dueAt) } : {}),
        ...(milestoneId ? { milestoneId } : {}),
      });
      setTitle('');
      await plan.reload();
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="subform" aria-label="Add a task">
      <FormAlert errors={errors} />
      <div className="form-row">
        <Field label="Task" error={errors.fields.title}>
          {(props) => <input {...props} value={title} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
        <Field label="Assignee" optional error={errors.fields.assigneeId}>
          {(props) => (
            <select {...props} value={assigneeId} onChange={(event) => setAssigneeId(event.target.value)}>
              <option value="">Nobody yet</option>
              <PersonOptions people={people} />
            </select>
          )}
        </Field>
        <Field label="Due" optional error={errors.fields.dueAt}>
          {(props) => <input {...props} type="datetime-local" value={due} onChange={(event) => setDue(event.target.value)} />}
        </Field>
        <Field label="For milestone" optional error={errors.fields.milestoneId}>
          {(props) => (
            <select {...props} value={milestoneId} onChange={(event) => setMilestoneId(event.target.value)}>
              <option value="">None</option>
              {plan.data.milestones.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Adding…' : 'Add task'}
        </button>
      </div>
    </form>
  );
}
