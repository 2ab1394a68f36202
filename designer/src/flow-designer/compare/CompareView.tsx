import { ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { diffFlows } from '../../../../workflows/flow';
import type { FlowVersionSummary } from '../../../../api/contract/flows';
import { usePageQuery } from '../../app/queries';
import { Canvas } from '../editor/Canvas';
import { createEditorStore, EditorStoreContext } from '../editor/store';
import { compareCanvas } from '../graph/compare-canvas';
import { runsApi } from '../runs/runs-api';
import { ChangeList, sideName, type ComparedSide } from './ChangeList';
import './compare.css';

/** The value of a side's select: a version number, or "draft". */
export const sideValue = (version: number | null): string => (version === null ? 'draft' : String(version));

function SideSelect({ label, value, versions, withDraft, onChange, testId }: { label: string; value: number | null; versions: readonly FlowVersionSummary[]; withDraft: boolean; onChange: (value: string) => void; testId: string }) {
  const { t } = useTranslation('flowCompare');
  return (
    <label className="compare__pick">
      <span>{label}</span>
      <select value={sideValue(value)} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {withDraft && <option value={sideValue(null)}>{t('draftOption')}</option>}
        {versions.map((v) => (
          <option key={v.version} value={String(v.version)}>
            {t('versionOption', { version: v.version })}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Two versions of a flow compared on the canvas: the newer one with added, changed and (ghosted)
 * removed steps and connections marked, and beside it the same in words, with the changed settings
 * named as the settings form names them and the runs still running on each version.
 */
export function CompareView({
  flowId,
  name,
  versions,
  before,
  after,
  onPick,
}: {
  flowId: string;
  name: string;
  versions: readonly FlowVersionSummary[];
  before: ComparedSide;
  after: ComparedSide;
  onPick: (side: 'from' | 'to', value: string) => void;
}) {
  const { t } = useTranslation('flowCompare');
  const diff = useMemo(() => diffFlows(before.document, after.document), [before, after]);
  const store = useMemo(() => {
    const created = createEditorStore({ flowId, draft: after.document, versions, readOnly: true });
    created.setState(compareCanvas(before.document, after.document, diff));
    return created;
  }, [flowId, versions, before, after, diff]);
  // The canvas opens on what changed; the list beside it reaches the rest.
  const focus = useMemo(() => [...diff.steps.added, ...diff.steps.changed.map((change) => change.id), ...diff.steps.removed], [diff]);
  const { load: running, retry } = usePageQuery(['flow', flowId, 'running'], () => runsApi.running(flowId));
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <div className="editor editor--read-only compare" data-testid="compare">
          <header className="toolbar">
            <div className="toolbar__left">
              <Link href={`/flows/${flowId}`} className="back">
                {t('back')}
              </Link>
              <h1 className="toolbar__title">{t('title', { name })}</h1>
            </div>
            <div className="toolbar__right">
              <SideSelect label={t('from')} value={before.version} versions={versions} withDraft={false} onChange={(value) => onPick('from', value)} testId="compare-from" />
              <SideSelect label={t('to')} value={after.version} versions={versions} withDraft onChange={(value) => onPick('to', value)} testId="compare-to" />
              <span className="compare__legend" aria-hidden="true">
                <span className="diff-mark diff-mark--added">{t('marks.added')}</span>
                <span className="diff-mark diff-mark--changed">{t('marks.changed')}</span>
                <span className="diff-mark diff-mark--removed">{t('marks.removed')}</span>
              </span>
            </div>
          </header>
          <div className="editor__body">
            <div className="editor__canvas">
              <Canvas focus={focus} />
            </div>
            <aside className="side" aria-label={t('sideLabel', { before: sideName(t, before), after: sideName(t, after) })}>
              <div className="side__title">
                <h2>{t('whatChanged')}</h2>
              </div>
              <div className="side__body">
                <ChangeList before={before} after={after} diff={diff} running={running} retryRunning={retry} />
              </div>
            </aside>
          </div>
        </div>
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}
