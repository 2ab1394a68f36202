import { Link } from 'wouter';
import { triggerEventLabels } from '../../../workflows/flow';
import { usePageQuery } from '../app/queries';
import { gapSentence, whenEvent } from '../flow-designer/bindings/binding-sentences';
import { bindingsApi, type ProjectFlowBinding } from '../flow-designer/bindings/bindings-api';
import { Card } from '../shared/Card';
import { formatDateTime } from '../shared/time';
import { LoadFailed } from '../shared/LoadFailed';

const why: Record<Exclude<ProjectFlowBinding['source'], 'none'>, string> = {
  project: "this project's own binding",
  global: 'the binding for all projects (this project has none of its own)',
};

function Entry({ entry }: { entry: ProjectFlowBinding }) {
  const label = triggerEventLabels[entry.triggerEvent];
  if (entry.source === 'none' || entry.flowId === null) {
    return (
      <li data-testid={`project-flow-${entry.triggerEvent}`}>
        <strong>{label}</strong>
        <br />
        <span className="small muted">{gapSentence(entry.triggerEvent, entry.removed, formatDateTime)}</span>
      </li>
    );
  }
  return (
    <li data-testid={`project-flow-${entry.triggerEvent}`}>
      <strong>{label}</strong>: <Link href={`/flows/${entry.flowId}?panel=bindings`}>{entry.flowName ?? 'a flow'}</Link>
      {entry.version !== null && (
        <>
          {' '}
          (version {entry.version}{entry.pinned ? ', pinned' : ''}, <Link href={`/flows/${entry.flowId}/versions/${entry.version}`}>its runs</Link>)
        </>
      )}
      <br />
      <span className="small muted">Runs when {whenEvent(entry.triggerEvent)}, because of {why[entry.source]}.</span>
      {entry.nextRuns !== undefined && entry.nextRuns.length > 0 && (
        <span className="small muted">
          {' '}
          Next: {formatDateTime(entry.nextRuns[0] ?? '')}
          {entry.timeZone !== undefined && ` (${entry.timeZone})`}.
        </span>
      )}
    </li>
  );
}

/** For each trigger event, the flow that runs for this project and why, or in words why none does. */
export function ProjectFlows({ projectId }: { projectId: string }) {
  const { load, retry } = usePageQuery(['project', projectId, 'flow-bindings'], () => bindingsApi.ofProject(projectId));
  return (
    <Card title="Flows that run for it" testId="project-flows">
      {load.status === 'loading' && <p className="muted">Loading…</p>}
      {load.status === 'failed' && <LoadFailed message={load.message} retry={retry} />}
      {load.status === 'ready' && (
        <ul className="plain-list">
          {load.value.map((entry) => (
            <Entry key={entry.triggerEvent} entry={entry} />
          ))}
        </ul>
      )}
    </Card>
  );
}
