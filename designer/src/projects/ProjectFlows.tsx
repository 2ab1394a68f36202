import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { usePageQuery } from '../app/queries';
import { gapSentence, whenEvent } from '../flow-designer/bindings/binding-sentences';
import { bindingsApi, type ProjectFlowBinding } from '../flow-designer/bindings/bindings-api';
import { Card } from '../shared/Card';
import { eventLabel } from '../i18n/flow-catalog';
import { formatDateTime } from '../shared/time';
import { LoadFailed } from '../shared/LoadFailed';

const whyKey = { project: 'flows.whyProject', global: 'flows.whyGlobal' } as const satisfies Record<Exclude<ProjectFlowBinding['source'], 'none'>, string>;

function Entry({ entry }: { entry: ProjectFlowBinding }) {
  const { t } = useTranslation('projects');
  const label = eventLabel(entry.triggerEvent);
  const runs = [<Link key="runs" href={`/flows/${entry.flowId}/versions/${entry.version}`} />];
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
      <strong>{label}</strong>: <Link href={`/flows/${entry.flowId}?panel=bindings`}>{entry.flowName ?? t('flows.aFlow')}</Link>
      {entry.version !== null && (
        <>
          {' '}
          {entry.pinned ? (
            <Trans t={t} i18nKey="flows.versionPinned" values={{ version: entry.version }} components={runs} />
          ) : (
            <Trans t={t} i18nKey="flows.version" values={{ version: entry.version }} components={runs} />
          )}
        </>
      )}
      <br />
      <span className="small muted">{t('flows.runsWhen', { when: whenEvent(entry.triggerEvent), why: t(whyKey[entry.source]) })}</span>
      {entry.nextRuns !== undefined && entry.nextRuns.length > 0 && (
        <span className="small muted">
          {' '}
          {entry.timeZone === undefined
            ? t('flows.next', { at: formatDateTime(entry.nextRuns[0] ?? '') })
            : t('flows.nextInZone', { at: formatDateTime(entry.nextRuns[0] ?? ''), timeZone: entry.timeZone })}
        </span>
      )}
    </li>
  );
}

/** For each trigger event, the flow that runs for this project and why, or in words why none does. */
export function ProjectFlows({ projectId }: { projectId: string }) {
  const { t } = useTranslation('projects');
  const { load, retry } = usePageQuery(['project', projectId, 'flow-bindings'], () => bindingsApi.ofProject(projectId));
  return (
    <Card title={t('flows.title')} testId="project-flows">
      {load.status === 'loading' && <p className="muted">{t('flows.loading')}</p>}
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
