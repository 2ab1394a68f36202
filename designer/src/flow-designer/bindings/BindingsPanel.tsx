import { X } from 'lucide-react';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'wouter';
import { triggerEventSchema } from '../../../../workflows/flow';
import { api } from '../../api/client';
import { usePageQuery } from '../../app/queries';
import { useCan } from '../../auth/use-can';
import { Field, FormAlert } from '../../shared/Field';
import { formErrorsOf, noErrors, type FormErrors } from '../../shared/form-errors';
import { formatDateTime } from '../../shared/time';
import { useEditorStore } from '../editor/store';
import { runsApi } from '../runs/runs-api';
import { bindSentence, unbindSentence, versionSentence, whenEvent, type Names } from './binding-sentences';
import { bindingsApi, type BindingEntry } from './bindings-api';
import { LoadFailed } from '../../shared/LoadFailed';

/** What is about to change, said in a sentence, waiting for "Confirm". */
type Pending = { kind: 'bind'; projectId: string | null; version: number | null; sentence: string } | { kind: 'unbind'; binding: BindingEntry; sentence: string };

const globalChoice = '*';
const newestChoice = 'newest';

/**
 * "Where it runs": the flow's bindings (for all projects or one), with the schedule's next runs;
 * for those the server lets change flows, binding and unbinding after a sentence that says what
 * starts or stops running. A binding runs the newest published version, or one it pins.
 */
export function BindingsPanel({ flowId, onClose }: { flowId: string; onClose: () => void }) {
  const mayBind = useCan('editFlows');
  // Asked again after each publish: the event and the newest version are the published ones.
  const published = useEditorStore((s) => s.versions[0]?.version ?? null);
  const { load, retry, reload } = usePageQuery(['flow', flowId, 'bindings', published], async () => {
    const [flow, bindings, projects, flows] = await Promise.all([api.getFlow(flowId), bindingsApi.list(), runsApi.projects(), api.listFlows()]);
    return { flow, bindings, projects, flows };
  });
  const [choice, setChoice] = useState('');
  const [versionChoice, setVersionChoice] = useState(newestChoice);
  const [pending, setPending] = useState<Pending | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [working, setWorking] = useState(false);
  const scopeId = useId();

  if (load.status !== 'ready') {
    return (
      <Shell onClose={onClose}>
        {load.status === 'loading' ? (
          <p className="muted">Loading…</p>
        ) : (
          <LoadFailed message={load.message} retry={retry} />
        )}
      </Shell>
    );
  }
  const { flow, bindings, projects, flows } = load.value;
  const event = triggerEventSchema.safeParse(flow.triggerEvent);
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  const flowName = new Map(flows.map((f) => [f.id, f.name]));
  const names: Names = { flow: (id) => flowName.get(id) ?? 'another flow', project: (id) => projectName.get(id) ?? 'a project you cannot see' };
  const mine = bindings.filter((b) => b.flowId === flow.id);
  const scopeText = (projectId: string | null) => (projectId === null ? 'All projects without a binding of their own' : names.project(projectId));

  function ask(submit: FormEvent) {
    submit.preventDefault();
    if (!event.success || choice === '') return;
    const projectId = choice === globalChoice ? null : choice;
    const version = versionChoice === newestChoice ? null : Number(versionChoice);
    setErrors(noErrors);
    setPending({ kind: 'bind', projectId, version, sentence: `${bindSentence(flow.id, event.data, projectId, bindings, names)} ${versionSentence(version)}` });
  }

  async function confirm() {
    if (pending === null || !event.success) return;
    setWorking(true);
    try {
      if (pending.kind === 'bind') await bindingsApi.bind({ triggerEvent: event.data, projectId: pending.projectId, flowId: flow.id, version: pending.version });
      else await bindingsApi.unbind({ triggerEvent: pending.binding.triggerEvent, ...(pending.binding.projectId === null ? {} : { projectId: pending.binding.projectId }) });
      setPending(null);
      setChoice('');
      setVersionChoice(newestChoice);
      await reload();
    } catch (error) {
      setErrors(formErrorsOf(error, ['projectId', 'version']));
      setPending(null);
    } finally {
      setWorking(false);
    }
  }

  return (
    <Shell onClose={onClose}>
      {!event.success ? (
        <p className="muted">This flow has no trigger yet, so it cannot run anywhere.</p>
      ) : (
        <p className="help">
          Starts when {whenEvent[event.data]}. New runs use the newest published version
          {flow.latestVersion === null ? ' (none is published yet)' : ` (version ${flow.latestVersion})`} unless a binding pins one; runs already going on stay on theirs.
        </p>
      )}
      <h3 className="small">Runs for</h3>
      {mine.length === 0 ? (
        <p className="muted" data-testid="no-bindings">
          Nowhere yet: no project runs this flow.
        </p>
      ) : (
        <ul className="plain-list" data-testid="binding-list">
          {mine.map((binding) => (
            <li key={`${binding.triggerEvent}:${binding.projectId ?? ''}`} data-testid="binding">
              {binding.projectId === null ? <strong>{scopeText(null)}</strong> : <Link href={`/projects/${binding.projectId}`}>{scopeText(binding.projectId)}</Link>}
              <span className="small muted" data-testid="binding-version">
                {' '}
                {binding.version == null ? '· the newest version' : `· version ${binding.version}, pinned`}
              </span>
              {binding.nextRuns !== undefined && binding.nextRuns.length > 0 && (
                <>
                  <br />
                  <span className="small muted">Next runs ({binding.timeZone ?? 'UTC'}):</span>
                  <ul className="small" aria-label="Next runs">
                    {binding.nextRuns.map((at) => (
                      <li key={at}>{formatDateTime(at)}</li>
                    ))}
                  </ul>
                </>
              )}
              {mayBind && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Stop running for ${scopeText(binding.projectId)}`}
                    onClick={() => {
                      setErrors(noErrors);
                      setPending({ kind: 'unbind', binding, sentence: unbindSentence(binding, bindings, names) });
                    }}
                  >
                    Stop
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayBind && event.success && flow.latestVersion !== null && (
        <form className="stack" aria-label="Bind this flow" onSubmit={ask}>
          <Field label="Run this flow for" error={errors.fields.projectId}>
            {(props) => (
              <select {...props} value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="binding-scope">
                <option value="">Choose where…</option>
                <option value={globalChoice}>All projects without a binding of their own</option>
                {projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Version new runs use" error={errors.fields.version}>
            {(props) => (
              <select {...props} value={versionChoice} onChange={(e) => setVersionChoice(e.target.value)} data-testid="binding-version-choice">
                <option value={newestChoice}>Always the newest published version</option>
                {flow.versions.map((v) => (
                  <option key={v.version} value={String(v.version)}>
                    Version {v.version} only
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button" disabled={choice === ''}>
            Bind
          </button>
        </form>
      )}
      {mayBind && event.success && flow.latestVersion === null && <p className="muted small">Publish the flow to let it run somewhere.</p>}
      <FormAlert errors={errors} />
      {pending !== null && (
        <div className="callout callout--info" role="alertdialog" aria-labelledby={`${scopeId}-confirm`} data-testid="binding-confirmation">
          <p id={`${scopeId}-confirm`}>{pending.sentence}</p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setPending(null)}>
              Cancel
            </button>
            <button type="button" className="button button--primary" onClick={() => void confirm()} disabled={working} autoFocus>
              {pending.kind === 'bind' ? 'Confirm binding' : 'Confirm stop'}
            </button>
          </div>
        </div>
      )}
    </Shell>
  );
}

function Shell({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  return (
    <aside className="side" aria-label="Where this flow runs" data-testid="bindings-panel">
      <div className="side__title">
        <h2>Where it runs</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close where it runs">
          <X size={16} />
        </button>
      </div>
      <div className="side__body panel">{children}</div>
    </aside>
  );
}
