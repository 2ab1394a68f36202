import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, type ReactNode } from 'react';
import { OverlayStoreContext, type OverlayStore } from '../runs/overlay-store';
import { Canvas } from './Canvas';
import { NoticeBar } from './NoticeBar';
import { Palette } from './Palette';
import { SidePanel } from './SidePanel';
import { EditorStoreContext, useEditorApi, useEditorStore, type EditorStore } from './store';
import { Toolbar } from './Toolbar';
import { useAutoLayout } from './use-auto-layout';
import { useFlowActions } from './use-flow-actions';
import { useLiveValidation } from './use-live-validation';
import { useShortcuts } from './use-shortcuts';

/** Warns before leaving the page with unsaved changes (closing the tab, reloading). */
function useUnsavedGuard(): void {
  const store = useEditorApi();
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const s = store.getState();
      if (!s.readOnly && s.docVersion !== s.savedVersion) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store]);
}

/** What a page adds around the canvas: buttons in the toolbar, and a panel in place of the step settings. */
export interface EditorSlots {
  readonly toolbarExtra?: ReactNode;
  /** Shown instead of the settings and problems panel while given. */
  readonly sidePanel?: ReactNode;
}

function EditorLayout({ toolbarExtra, sidePanel }: EditorSlots) {
  const readOnly = useEditorStore((s) => s.readOnly);
  const actions = useFlowActions();
  const layout = useAutoLayout();
  useLiveValidation();
  useShortcuts(actions);
  useUnsavedGuard();
  return (
    <div className={`editor${readOnly ? ' editor--read-only' : ''}`}>
      <Toolbar actions={actions} onLayout={layout} extra={toolbarExtra} />
      <div className="editor__body">
        {!readOnly && <Palette />}
        <div className="editor__canvas">
          <Canvas />
          <NoticeBar />
        </div>
        {sidePanel ?? <SidePanel />}
      </div>
    </div>
  );
}

/**
 * The flow editor for one store: the draft (editable) or a published version (read-only); with an
 * overlay store, what runs did is drawn on the graph.
 */
export function Editor({ store, overlay, ...slots }: { store: EditorStore; overlay?: OverlayStore | undefined } & EditorSlots) {
  const layout = (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <EditorLayout {...slots} />
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
  return overlay === undefined ? layout : <OverlayStoreContext.Provider value={overlay}>{layout}</OverlayStoreContext.Provider>;
}
