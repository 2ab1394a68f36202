import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { validateFlow } from '../../../../workflows/flow';
import { inPageLanguage } from '../graph/diagnostic-wording';
import { canvasToDraft } from '../graph/draft-convert';
import { validateOptionsFor } from '../graph/known-people';
import { useEditorApi, useEditorStore } from './store';

export const validationDelayMs = 250;

/**
 * Runs the flow language's own validation after each change, once typing pauses, so the canvas
 * shows the same findings the API would refuse to publish with, in the page's language (again
 * when the language changes).
 */
export function useLiveValidation(): void {
  const store = useEditorApi();
  const graphVersion = useEditorStore((s) => s.graphVersion);
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  useEffect(() => {
    const timer = setTimeout(
      () => {
        const s = store.getState();
        // A published version passed the API's checks, which know the org chart: every rule resolved then.
        const options = s.readOnly ? { resolvesToSomeone: () => true } : validateOptionsFor(s.knownPeople);
        s.setLocalDiagnostics(inPageLanguage(validateFlow(canvasToDraft(s.name, s.nodes, s.edges), options)));
      },
      graphVersion === 0 ? 0 : validationDelayMs,
    );
    return () => clearTimeout(timer);
  }, [store, graphVersion, language]);
}
