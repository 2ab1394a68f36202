import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { inputPortsOf, isNodeKind, nodeDef, outputPortsOf } from '../../../../workflows/flow';
import { nodeLabel, portLabel } from '../../i18n/flow-catalog';
import { summarizeStep } from '../graph/summary';
import type { StepNode } from '../graph/types';
import { useNodeOverlay } from '../runs/overlay-store';
import { StepIcon } from './step-icon';
import { useEditorStore } from './store';

/**
 * One step on the canvas. Memoised, and subscribed only to its own problems: dragging one step
 * or typing into its settings re-renders that step, not the other few hundred.
 */
function StepNodeView({ id, data, selected }: NodeProps<StepNode>) {
  const problems = useEditorStore((s) => s.nodeProblems[id]);
  const run = useNodeOverlay(id);
  const { t, i18n } = useTranslation('flowDesigner');
  const def = isNodeKind(data.kind) ? nodeDef(data.kind) : undefined;
  const inputs = useMemo(() => inputPortsOf({ kind: data.kind }), [data.kind]);
  const outputs = useMemo(() => outputPortsOf({ kind: data.kind, config: data.config }), [data.kind, data.config]);
  const summary = useMemo(() => summarizeStep(data.kind, data.config), [data.kind, data.config, i18n.language]);
  const kindLabel = def === undefined ? undefined : nodeLabel(data.kind);
  const title = data.label ?? kindLabel ?? t('step.unknown', { kind: data.kind });
  const first = problems?.[0];

  return (
    <div
      className={[
        'step',
        `step--${def?.category ?? 'unknown'}`,
        selected ? 'step--selected' : '',
        first ? 'step--problem' : '',
        run.entry ? `step--${run.entry.tone}` : run.shown ? 'step--dimmed' : '',
      ].join(' ')}
      data-testid={`step-${id}`}
      data-kind={data.kind}
      data-run={run.entry?.tone ?? (run.shown ? 'untouched' : undefined)}
    >
      {inputs.map((port) => (
        <Handle key={port.id} type="target" position={Position.Left} id={port.id} className="step__in" title={portLabel(data.kind, port)} />
      ))}
      <div className="step__head">
        <span className="step__icon">
          <StepIcon kind={data.kind} size={14} />
        </span>
        <span className="step__kind">{kindLabel ?? data.kind}</span>
      </div>
      <div className="step__title">{title}</div>
      {summary !== null && <div className="step__summary">{summary}</div>}
      {run.entry !== undefined && (run.entry.lines.length > 0 || run.entry.waiting !== undefined || run.entry.badge !== undefined) && (
        <div className="step__run" data-testid={`step-run-${id}`}>
          {run.entry.badge !== undefined && <div className="step__badge">{run.entry.badge}</div>}
          {run.entry.lines.map((line, index) => (
            <div key={index} className="step__run-line">
              {line}
            </div>
          ))}
          {run.entry.waiting !== undefined && <div className="step__waiting">{run.entry.waiting}</div>}
        </div>
      )}
      {outputs.length > 0 && (
        <ul className="step__ports">
          {outputs.map((port) => (
            <li key={port.id} className="step__port">
              <span>{portLabel(data.kind, port)}</span>
              <Handle type="source" position={Position.Right} id={port.id} className="step__out" title={portLabel(data.kind, port)} />
            </li>
          ))}
        </ul>
      )}
      {first !== undefined && (
        <div className="step__problem" role="alert" title={problems?.map((p) => p.message).join('\n')}>
          <span className="step__problem-text">{first.message}</span>
          {problems !== undefined && problems.length > 1 && (
            <strong className="step__more">{t('step.moreProblems', { count: problems.length - 1 })}</strong>
          )}
        </div>
      )}
    </div>
  );
}

export const StepNodeComponent = memo(StepNodeView);
