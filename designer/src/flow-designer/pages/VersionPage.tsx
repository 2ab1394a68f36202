import { useMemo, useState } from 'react';
import { useSearch } from 'wouter';
import { flowDraftSchema } from '../../../../workflows/flow';
import { api } from '../../api/client';
import { PageState } from '../../app/PageState';
import { usePageQuery } from '../../app/queries';
import { Editor } from '../editor/Editor';
import { createEditorStore } from '../editor/store';
import { createOverlayStore } from '../runs/overlay-store';
import { RunButtons, type RunPanel } from '../runs/RunButtons';
import { RunsPanel } from '../runs/RunsPanel';
import { TestRunPanel } from '../runs/TestRunPanel';
import type { FlowDetail, FlowVersionDetail } from '../../../../api/contract/flows';

function VersionView({ flow, version }: { flow: FlowDetail; version: FlowVersionDetail }) {
  const store = useMemo(
    () =>
      createEditorStore({
        flowId: flow.id,
        draft: flowDraftSchema.parse(version.document),
        versions: flow.versions,
        readOnly: true,
        viewing: version,
      }),
    [flow, version],
  );
  const overlay = useMemo(() => createOverlayStore(), []);
  // `?run=<id>` opens one run straight away, for links to it.
  const linkedRun = new URLSearchParams(useSearch()).get('run');
  // A version is looked at mostly to see how it ran: its runs are open from the start.
  const [panel, setPanel] = useState<RunPanel>('runs');
  const close = () => setPanel(null);
  return (
    <Editor
      store={store}
      overlay={overlay}
      toolbarExtra={<RunButtons panel={panel} onPanel={setPanel} withRuns />}
      sidePanel={
        panel === 'runs' ? (
          <RunsPanel flowId={flow.id} version={version.version} onClose={close} initialRun={linkedRun} />
        ) : panel === 'test' ? (
          <TestRunPanel flowId={flow.id} version={version.version} onClose={close} />
        ) : undefined
      }
    />
  );
}

/** `/flows/:id/versions/:version[?run=<id>]`: a published version exactly as it runs, read-only, with its runs. */
export function VersionPage({ id, version }: { id: string; version: number }) {
  const { load, retry } = usePageQuery(['flow', id, 'version', version], async () => {
    const [flow, published] = await Promise.all([api.getFlow(id), api.getVersion(id, version)]);
    return { flow, published };
  });
  return (
    <PageState load={load} retry={retry}>
      {({ flow, published }) => <VersionView key={`${flow.id}:${published.version}`} flow={flow} version={published} />}
    </PageState>
  );
}
