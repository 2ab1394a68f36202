import { useMemo } from 'react';
import { flowDraftSchema } from '../../../workflows/flow';
import { api } from '../api/client';
import type { FlowDetail, FlowVersion } from '../api/schemas';
import { PageState } from '../app/PageState';
import { useLoad } from '../app/use-load';
import { Editor } from '../editor/Editor';
import { createEditorStore } from '../editor/store';

function VersionView({ flow, version }: { flow: FlowDetail; version: FlowVersion }) {
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
  return <Editor store={store} />;
}

/** `/flows/:id/versions/:version`: a published version exactly as it runs, read-only. */
export function VersionPage({ id, version }: { id: string; version: number }) {
  const [load, retry] = useLoad(`flow:${id}:v${version}`, async () => {
    const [flow, published] = await Promise.all([api.getFlow(id), api.getVersion(id, version)]);
    return { flow, published };
  });
  return (
    <PageState load={load} retry={retry}>
      {({ flow, published }) => <VersionView key={`${flow.id}:${published.version}`} flow={flow} version={published} />}
    </PageState>
  );
}
