import { useMemo } from 'react';
import { flowDraftSchema } from '../../../workflows/flow';
import { api } from '../api/client';
import type { FlowDetail } from '../api/schemas';
import { PageState } from '../app/PageState';
import { useLoad } from '../app/use-load';
import { Editor } from '../editor/Editor';
import { createEditorStore } from '../editor/store';

function DraftEditor({ flow }: { flow: FlowDetail }) {
  const store = useMemo(
    () => createEditorStore({ flowId: flow.id, draft: flowDraftSchema.parse(flow.draft), versions: flow.versions, serverFindings: flow.diagnostics }),
    [flow],
  );
  return <Editor store={store} />;
}

/** `/flows/:id`: the draft of one flow, editable. */
export function EditorPage({ id }: { id: string }) {
  const [load, retry] = useLoad(`flow:${id}`, () => api.getFlow(id));
  return (
    <PageState load={load} retry={retry}>
      {(flow) => <DraftEditor key={flow.id} flow={flow} />}
    </PageState>
  );
}
