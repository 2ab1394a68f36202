import { X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraceEdge } from '../../../../workflows/flow/run-trace';
import { simulationRequestSchema, type SimulationResult } from '../../../../workflows/flow/simulation';
import { ApiError, errorMessage } from '../../api/client';
import { usePageQuery } from '../../app/queries';
import { useEditorApi, useEditorStore } from '../editor/store';
import { diagnosticsFromApiDetails } from '../graph/diagnostics';
import { ScriptedAnswers, type ResponseRow } from './ScriptedAnswers';
import { milestoneEvents, SubjectPicker } from './SubjectPicker';
import { TimelinePlayback } from './TimelinePlayback';
import { runsApi } from './runs-api';
import { useStepLabels } from './use-step-labels';

type Outcome = { kind: 'result'; result: SimulationResult; edges: TraceEdge[] } | { kind: 'invalid'; message: string; problems: { nodeId: string | null; message: string }[] } | { kind: 'error'; message: string };

/**
 * "Test run": the flow (the saved draft, or a published version) played against a real project
 * with scripted answers. Nothing is written or sent; the timeline says what would have happened.
 */
export function TestRunPanel({ flowId, version, onClose }: { flowId: string; version: number | null; onClose: () => void }) {
  const { t } = useTranslation('flowRuns');
  const store = useEditorApi();
  const label = useStepLabels();
  const dirty = useEditorStore((s) => !s.readOnly && s.docVersion !== s.savedVersion);
  const event = useEditorStore((s) => {
    const trigger = s.nodes.find((n) => n.data.kind === 'trigger');
    const value = (trigger?.data.config as { event?: unknown } | undefined)?.event;
    return typeof value === 'string' ? value : null;
  });
  const { load: projects } = usePageQuery(['projects', 'options'], runsApi.projects);
  const [projectId, setProjectId] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const [rows, setRows] = useState<ResponseRow[]>([]);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [attempt, setAttempt] = useState(0);

  async function run() {
    const request = simulationRequestSchema.safeParse({
      ...(version === null ? {} : { version }),
      projectId,
      ...(subjectId === '' ? {} : { subjectId }),
      responses: rows.map((row) => ({
        ...(row.nodeId === '' ? {} : { nodeId: row.nodeId }),
        ...(row.userId === '' ? {} : { userId: row.userId }),
        answer: row.answer,
        ...(row.amount === '' || Number(row.amount) === 0 ? {} : { after: { amount: Number(row.amount), unit: row.unit } }),
      })),
    });
    if (!request.success) {
      setOutcome({ kind: 'error', message: request.error.issues.map((i) => `${i.path.join('.') || t('test.request')}: ${i.message}`).join('; ') });
      return;
    }
    setRunning(true);
    try {
      const result = await runsApi.simulate(flowId, request.data);
      const edges = store.getState().edges.map((e) => ({ id: e.id, source: e.source, sourcePort: e.sourceHandle ?? '', target: e.target }));
      store.getState().setServerDiagnostics([]);
      setAttempt((n) => n + 1);
      setOutcome({ kind: 'result', result, edges });
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        // The same marks as a refused publish: the faulty steps turn red on the canvas.
        store.getState().setServerDiagnostics(diagnosticsFromApiDetails(error.details));
        setOutcome({ kind: 'invalid', message: error.message, problems: error.details.map((d) => ({ nodeId: d.nodeId ?? null, message: d.message })) });
      } else {
        setOutcome({ kind: 'error', message: errorMessage(error) });
      }
    } finally {
      setRunning(false);
    }
  }

  return (
    <aside className="side test-run" aria-label={t('test.label')} data-testid="test-run-panel">
      <div className="side__title">
        <h2>{version === null ? t('test.ofDraft') : t('test.ofVersion', { version })}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('test.close')}>
          <X size={16} />
        </button>
      </div>
      <div className="side__body panel">
        <p className="help">{t('test.help')}</p>
        {dirty && <p className="notice-inline">{t('test.unsaved')}</p>}
        <label className="field">
          <span className="field__label">{t('test.project')}</span>
          <select
            value={projectId}
            onChange={(e) => {
              setProjectId(e.target.value);
              setSubjectId('');
            }}
            data-testid="test-run-project"
          >
            <option value="">{t('test.chooseProject')}</option>
            {projects.status === 'ready' && projects.value.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        {projectId !== '' && event !== null && milestoneEvents.has(event) && <SubjectPicker projectId={projectId} value={subjectId} onChange={setSubjectId} />}
        <ScriptedAnswers rows={rows} onChange={setRows} />
        <button type="button" className="button button--primary" onClick={() => void run()} disabled={projectId === '' || running} data-testid="test-run-start">
          {running ? t('test.running') : t('test.start')}
        </button>
        {outcome?.kind === 'error' && <p className="error-text">{outcome.message}</p>}
        {outcome?.kind === 'invalid' && (
          <div className="test-run__invalid" role="alert" data-testid="test-run-invalid">
            <p className="error-text">{t('test.invalid', { message: outcome.message })}</p>
            <ul>
              {outcome.problems.map((p, i) => (
                <li key={i}>
                  {p.nodeId !== null && <strong>{label(p.nodeId)}: </strong>}
                  {p.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {outcome?.kind === 'result' && <TimelinePlayback key={attempt} result={outcome.result} edges={outcome.edges} />}
      </div>
    </aside>
  );
}
