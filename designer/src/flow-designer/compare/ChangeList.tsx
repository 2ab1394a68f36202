import { useReactFlow } from '@xyflow/react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isUnchanged, nodeDef, isNodeKind, type FlowDiff, type FlowDraft } from '../../../../workflows/flow';
import type { RunningByVersion } from '../../../../api/contract/flow-runs';
import { LoadFailed } from '../../shared/LoadFailed';
import type { Load } from '../../app/queries';
import { useEditorApi } from '../editor/store';
import type { DiffMark } from '../graph/compare-canvas';
import { connectionWords, fieldTitles, stepTitle } from './change-wording';

/** One side of a comparison: a published version's number, or the draft (null). */
export interface ComparedSide {
  readonly version: number | null;
  readonly document: FlowDraft;
}

export const sideName = (t: TFunction<'flowCompare'>, side: { version: number | null }): string => (side.version === null ? t('draft') : t('version', { version: side.version }));

function Mark({ mark }: { mark: DiffMark }) {
  const { t } = useTranslation('flowCompare');
  return <span className={`diff-mark diff-mark--${mark}`}>{t(`marks.${mark}`)}</span>;
}

function Group({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section className="section">
      <h3>{title}</h3>
      <ul className="change-list">{children}</ul>
    </section>
  );
}

/** A step of the list; choosing it shows the step on the canvas. */
function StepItem({ id, mark, title, children }: { id: string; mark: DiffMark; title: string; children?: ReactNode }) {
  const store = useEditorApi();
  const { fitView } = useReactFlow();
  const show = () => {
    store.getState().selectNode(id);
    void fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.1, padding: 0.6 });
  };
  return (
    <li data-testid={`change-step-${id}`} data-mark={mark}>
      <button type="button" className="change" onClick={show}>
        <Mark mark={mark} />
        <strong>{title}</strong>
      </button>
      {children}
    </li>
  );
}

/** Connections of one kind of change, named in the words of the version they are in. */
function EdgeGroup({ title, mark, ids, document }: { title: string; mark: DiffMark; ids: readonly string[]; document: FlowDraft }) {
  return (
    <Group title={title} count={ids.length}>
      {ids.map((id) => {
        const edge = document.edges.find((e) => e.id === id);
        return (
          edge && (
            <li key={id} data-testid={`change-edge-${id}`} data-mark={mark} className="change change--static">
              <Mark mark={mark} />
              <span>{connectionWords(edge, document)}</span>
            </li>
          )
        );
      })}
    </Group>
  );
}

function Running({ running, retry, before, after }: { running: Load<RunningByVersion[]>; retry: () => void; before: ComparedSide; after: ComparedSide }) {
  const { t } = useTranslation('flowCompare');
  if (running.status === 'loading') return <p className="muted">{t('loading')}</p>;
  if (running.status === 'failed') return <LoadFailed message={running.message} retry={retry} />;
  const newest = running.value.at(-1)?.version ?? null;
  const active = running.value.filter((entry) => entry.running > 0 || entry.version === before.version || entry.version === after.version);
  return (
    <>
      <p className="muted small">{t('runningRule', { newest: newest === null ? 'none' : String(newest), draft: after.version === null ? 'yes' : 'no' })}</p>
      <ul className="change-list" data-testid="running-by-version">
        {active.map((entry) => (
          <li key={entry.version} className="change change--static" data-testid={`running-v${entry.version}`}>
            <strong>{t('runningVersion', { version: entry.version })}</strong>
            <span>
              {entry.running === 0 ? t('noneRunning') : t('someRunning', { count: entry.running, version: entry.version })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** What changed from `before` to `after`, in words, beside the marked canvas. */
export function ChangeList({
  before,
  after,
  diff,
  running,
  retryRunning,
}: {
  before: ComparedSide;
  after: ComparedSide;
  diff: FlowDiff;
  running: Load<RunningByVersion[]>;
  retryRunning: () => void;
}) {
  const { t } = useTranslation('flowCompare');
  const nodeOf = (document: FlowDraft, id: string) => document.nodes.find((node) => node.id === id);
  const { steps, edges } = diff;
  return (
    <div className="panel" data-testid="change-list">
      <p>{t('fromTo', { before: sideName(t, before), after: sideName(t, after) })}</p>
      {isUnchanged(diff) && (
        <p className="good" data-testid="no-changes">
          {t('noChanges')}
        </p>
      )}
      <Group title={t('groups.stepsAdded')} count={steps.added.length}>
        {steps.added.map((id) => (
          <StepItem key={id} id={id} mark="added" title={stepTitle(nodeOf(after.document, id), id)} />
        ))}
      </Group>
      <Group title={t('groups.stepsRemoved')} count={steps.removed.length}>
        {steps.removed.map((id) => (
          <StepItem key={id} id={id} mark="removed" title={stepTitle(nodeOf(before.document, id), id)} />
        ))}
      </Group>
      <Group title={t('groups.stepsChanged')} count={steps.changed.length}>
        {steps.changed.map((change) => {
          const fields = fieldTitles(change.kind, change.fields, t('settings'));
          const was = change.kindBefore;
          return (
            <StepItem key={change.id} id={change.id} mark="changed" title={stepTitle(nodeOf(after.document, change.id), change.id)}>
              <ul className="change__fields" aria-label={t('fieldsLabel')}>
                {was !== null && <li>{t('kindChanged', { now: isNodeKind(change.kind) ? nodeDef(change.kind).label : change.kind, was: isNodeKind(was) ? nodeDef(was).label : was })}</li>}
                {change.labelChanged && <li>{t('labelChanged')}</li>}
                {fields.map((title, index) => (
                  <li key={change.fields[index]} data-field={change.fields[index]}>
                    {title}
                  </li>
                ))}
              </ul>
            </StepItem>
          );
        })}
      </Group>
      <EdgeGroup title={t('groups.connectionsAdded')} mark="added" ids={edges.added} document={after.document} />
      <EdgeGroup title={t('groups.connectionsRemoved')} mark="removed" ids={edges.removed} document={before.document} />
      <EdgeGroup title={t('groups.connectionsChanged')} mark="changed" ids={edges.changed} document={after.document} />
      <section className="section">
        <h3>{t('groups.running')}</h3>
        <Running running={running} retry={retryRunning} before={before} after={after} />
      </section>
    </div>
  );
}
