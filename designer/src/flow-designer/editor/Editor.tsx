import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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

/**
 * Asks before leaving the editor with unsaved changes: the browser asks on closing the tab or
 * reloading; a link inside the app (the menu, "← Flows") asks here, before the router moves on.
 */
function useUnsavedGuard(): void {
  const store = useEditorApi();
  const { t } = useTranslation('flowDesigner');
  useEffect(() => {
    const unsaved = () => {
      const s = store.getState();
      return !s.readOnly && s.docVersion !== s.savedVersion;
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (unsaved()) event.preventDefault();
    };
    // In the capture phase, before the router's own handler on the link.
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.origin !== window.location.origin) return;
      if (link.pathname === window.location.pathname || !unsaved()) return;
      if (!window.confirm(t('editor.leaveUnsaved'))) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [store, t]);
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
