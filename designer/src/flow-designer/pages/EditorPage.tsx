import { useMemo, useState } from 'react';
import { flowDraftSchema } from '../../../../workflows/flow';
import { api } from '../../api/client';
import { PageState } from '../../app/PageState';
import { useCan } from '../../auth/use-can';
import { usePageQuery } from '../../app/queries';
import { Editor } from '../editor/Editor';
import { createEditorStore } from '../editor/store';
import { createOverlayStore } from '../runs/overlay-store';
import { RunButtons, type RunPanel } from '../runs/RunButtons';
import { TestRunPanel } from '../runs/TestRunPanel';
import type { FlowDetail } from '../../../../api/contract/flows';

function DraftEditor({ flow, readOnly }: { flow: FlowDetail; readOnly: boolean }) {
  const store = useMemo(
    () => createEditorStore({ flowId: flow.id, draft: flowDraftSchema.parse(flow.draft), versions: flow.versions, serverFindings: flow.diagnostics, readOnly }),
    [flow, readOnly],
  );
  const overlay = useMemo(() => createOverlayStore(), []);
  const [panel, setPanel] = useState<RunPanel>(null);
  return (
    <Editor
      store={store}
      overlay={overlay}
      toolbarExtra={<RunButtons panel={panel} onPanel={setPanel} withRuns={false} />}
      sidePanel={panel === 'test' ? <TestRunPanel flowId={flow.id} version={null} onClose={() => setPanel(null)} /> : undefined}
    />
  );
}

/** `/flows/:id`: the draft of one flow, editable for those who change flows and read-only for everyone else. */
export function EditorPage({ id }: { id: string }) {
  const { load, retry } = usePageQuery(['flow', id], () => api.getFlow(id));
  const mayEdit = useCan('editFlows');
  return (
    <PageState load={load} retry={retry}>
      {(flow) => <DraftEditor key={flow.id} flow={flow} readOnly={!mayEdit} />}
    </PageState>
  );
}
