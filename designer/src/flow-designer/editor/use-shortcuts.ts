import { useEffect } from 'react';
import { useEditorApi } from './store';
import type { FlowActions } from './use-flow-actions';

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The editor's keyboard: undo/redo, delete, copy/paste, save. Inside a text box the keys keep
 * their usual meaning (undo typing, delete characters), except Ctrl+S, which always saves.
 */
export function useShortcuts(actions: FlowActions): void {
  const store = useEditorApi();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's') {
        event.preventDefault();
        void actions.save();
        return;
      }
      if (typingInto(event.target)) return;
      const s = store.getState();
      if (mod && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) s.redo();
        else s.undo();
      } else if (mod && key === 'y') {
        event.preventDefault();
        s.redo();
      } else if (mod && key === 'c') {
        s.copy();
      } else if (mod && key === 'v') {
        event.preventDefault();
        s.paste();
      } else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        event.preventDefault();
        s.deleteSelection();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, actions]);
}
