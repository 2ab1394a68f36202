import { MapPin } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
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
import { BindingsPanel } from '../bindings/BindingsPanel';
import type { FlowDetail } from '../../../../api/contract/flows';

function DraftEditor({ flow, readOnly }: { flow: FlowDetail; readOnly: boolean }) {
  const store = useMemo(
    () => createEditorStore({ flowId: flow.id, draft: flowDraftSchema.parse(flow.draft), versions: flow.versions, serverFindings: flow.diagnostics, readOnly }),
    [flow, readOnly],
  );
  const overlay = useMemo(() => createOverlayStore(), []);
  // `?panel=bindings` opens "Where it runs" straight away, for links from a project's page.
  const linked = new URLSearchParams(useSearch()).get('panel') === 'bindings';
  const [panel, setPanel] = useState<RunPanel | 'bindings'>(linked ? 'bindings' : null);
  const close = () => setPanel(null);
  const { t } = useTranslation('flowDesigner');
  return (
    <Editor
      store={store}
      overlay={overlay}
      toolbarExtra={
        <>
          {flow.archivedAt !== null && (
            <span className="badge" data-testid="archived-badge">
              {t('editor.archivedBadge')}
            </span>
          )}
          <button
            type="button"
            className={`button${panel === 'bindings' ? ' button--on' : ''}`}
            aria-pressed={panel === 'bindings'}
            onClick={() => setPanel(panel === 'bindings' ? null : 'bindings')}
            data-testid="bindings-button"
          >
            <MapPin size={15} aria-hidden="true" /> {t('editor.whereItRuns')}
          </button>
          <RunButtons panel={panel === 'bindings' ? null : panel} onPanel={setPanel} withRuns={false} />
        </>
      }
      sidePanel={
        panel === 'test' ? (
          <TestRunPanel flowId={flow.id} version={null} onClose={close} />
        ) : panel === 'bindings' ? (
          <BindingsPanel flowId={flow.id} onClose={close} />
        ) : undefined
      }
    />
  );
}

/** `/flows/:id`: the draft of one flow, editable for those who change flows and read-only for everyone else (and while it is archived). */
export function EditorPage({ id }: { id: string }) {
  const { load, retry } = usePageQuery(['flow', id], () => api.getFlow(id));
  const mayEdit = useCan('editFlows');
  return (
    <PageState load={load} retry={retry}>
      {(flow) => <DraftEditor key={flow.id} flow={flow} readOnly={!mayEdit || flow.archivedAt !== null} />}
    </PageState>
  );
}
