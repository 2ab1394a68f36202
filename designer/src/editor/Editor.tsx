import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
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

function EditorLayout() {
  const readOnly = useEditorStore((s) => s.readOnly);
  const actions = useFlowActions();
  const layout = useAutoLayout();
  useLiveValidation();
  useShortcuts(actions);
  useUnsavedGuard();
  return (
    <div className={`editor${readOnly ? ' editor--read-only' : ''}`}>
      <Toolbar actions={actions} onLayout={layout} />
      <div className="editor__body">
        {!readOnly && <Palette />}
        <div className="editor__canvas">
          <Canvas />
          <NoticeBar />
        </div>
        <SidePanel />
      </div>
    </div>
  );
}

/** The flow editor for one store: the draft (editable) or a published version (read-only). */
export function Editor({ store }: { store: EditorStore }) {
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <EditorLayout />
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}
