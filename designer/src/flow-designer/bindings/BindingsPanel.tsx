import { X } from 'lucide-react';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('flowBindings');
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
          <p className="muted">{t('panel.loading')}</p>
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
  const names: Names = { flow: (id) => flowName.get(id) ?? t('panel.anotherFlow'), project: (id) => projectName.get(id) ?? t('panel.hiddenProject') };
  const mine = bindings.filter((b) => b.flowId === flow.id);
  const scopeText = (projectId: string | null) => (projectId === null ? t('panel.allProjects') : names.project(projectId));

  function ask(submit: FormEvent) {
    submit.preventDefault();
    if (!event.success || choice === '') return;
    const projectId = choice === globalChoice ? null : choice;
    const version = versionChoice === newestChoice ? null : Number(versionChoice);
    setErrors(noErrors);
    setPending({ kind: 'bind', projectId, version, sentence: [bindSentence(flow.id, event.data, projectId, bindings, names), versionSentence(version)].join(' ') });
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
        <p className="muted">{t('panel.noTrigger')}</p>
      ) : (
        <p className="help">{t('panel.starts', { when: whenEvent(event.data), latest: flow.latestVersion === null ? 'none' : String(flow.latestVersion) })}</p>
      )}
      <h3 className="small">{t('panel.runsFor')}</h3>
      {mine.length === 0 ? (
        <p className="muted" data-testid="no-bindings">
          {t('panel.nowhere')}
        </p>
      ) : (
        <ul className="plain-list" data-testid="binding-list">
          {mine.map((binding) => (
            <li key={`${binding.triggerEvent}:${binding.projectId ?? ''}`} data-testid="binding">
              {binding.projectId === null ? <strong>{scopeText(null)}</strong> : <Link href={`/projects/${binding.projectId}`}>{scopeText(binding.projectId)}</Link>}
              <span className="small muted" data-testid="binding-version">
                {' '}
                {binding.version == null ? t('panel.newestVersion') : t('panel.pinnedVersion', { version: binding.version })}
              </span>
              {binding.nextRuns !== undefined && binding.nextRuns.length > 0 && (
                <>
                  <br />
                  <span className="small muted">{t('panel.nextRuns', { zone: binding.timeZone ?? 'UTC' })}</span>
                  <ul className="small" aria-label={t('panel.nextRunsLabel')}>
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
                    aria-label={t('panel.stopFor', { scope: scopeText(binding.projectId) })}
                    onClick={() => {
                      setErrors(noErrors);
                      setPending({ kind: 'unbind', binding, sentence: unbindSentence(binding, bindings, names) });
                    }}
                  >
                    {t('panel.stop')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayBind && event.success && flow.latestVersion !== null && (
        <form className="stack" aria-label={t('panel.form')} onSubmit={ask}>
          <Field label={t('panel.runFor')} error={errors.fields.projectId}>
            {(props) => (
              <select {...props} value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="binding-scope">
                <option value="">{t('panel.chooseWhere')}</option>
                <option value={globalChoice}>{t('panel.allProjects')}</option>
                {projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('panel.versionUsed')} error={errors.fields.version}>
            {(props) => (
              <select {...props} value={versionChoice} onChange={(e) => setVersionChoice(e.target.value)} data-testid="binding-version-choice">
                <option value={newestChoice}>{t('panel.alwaysNewest')}</option>
                {flow.versions.map((v) => (
                  <option key={v.version} value={String(v.version)}>
                    {t('panel.versionOnly', { version: v.version })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button" disabled={choice === ''}>
            {t('panel.bind')}
          </button>
        </form>
      )}
      {mayBind && event.success && flow.latestVersion === null && <p className="muted small">{t('panel.publishFirst')}</p>}
      <FormAlert errors={errors} />
      {pending !== null && (
        <div className="callout callout--info" role="alertdialog" aria-labelledby={`${scopeId}-confirm`} data-testid="binding-confirmation">
          <p id={`${scopeId}-confirm`}>{pending.sentence}</p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setPending(null)}>
              {t('panel.cancel')}
            </button>
            <button type="button" className="button button--primary" onClick={() => void confirm()} disabled={working} autoFocus>
              {pending.kind === 'bind' ? t('panel.confirmBind') : t('panel.confirmStop')}
            </button>
          </div>
        </div>
      )}
    </Shell>
  );
}

function Shell({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation('flowBindings');
  return (
    <aside className="side" aria-label={t('panel.label')} data-testid="bindings-panel">
      <div className="side__title">
        <h2>{t('panel.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('panel.close')}>
          <X size={16} />
        </button>
      </div>
      <div className="side__body panel">{children}</div>
    </aside>
  );
}
