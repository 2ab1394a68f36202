import { useMemo } from 'react';
import { flowDraftSchema } from '../../../workflows/flow';
import { api } from '../api/client';
import type { FlowDetail } from '../api/schemas';
import { PageState } from '../app/PageState';
import { useCan } from '../auth/use-can';
import { useLoad } from '../app/use-load';
import { Editor } from '../editor/Editor';
import { createEditorStore } from '../editor/store';

function DraftEditor({ flow, readOnly }: { flow: FlowDetail; readOnly: boolean }) {
  const store = useMemo(
    () => createEditorStore({ flowId: flow.id, draft: flowDraftSchema.parse(flow.draft), versions: flow.versions, serverFindings: flow.diagnostics, readOnly }),
    [flow, readOnly],
  );
  return <Editor store={store} />;
}

/** `/flows/:id`: the draft of one flow, editable for those who change flows and read-only for everyone else. */
export function EditorPage({ id }: { id: string }) {
  const [load, retry] = useLoad(`flow:${id}`, () => api.getFlow(id));
  const mayEdit = useCan('editFlows');
  return (
    <PageState load={load} retry={retry}>
      {(flow) => <DraftEditor key={flow.id} flow={flow} readOnly={!mayEdit} />}
    </PageState>
  );
}
