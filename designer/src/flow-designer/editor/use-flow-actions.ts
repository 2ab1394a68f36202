import { useMemo } from 'react';
import { flowDraftSchema, type FlowDraft } from '../../../../workflows/flow';
import { ApiError, api, downloadText, errorMessage } from '../../api/client';
import { diagnosticsFromApiDetails } from '../graph/diagnostics';
import { canvasToDraft } from '../graph/draft-convert';
import { useEditorApi, type EditorStore } from './store';

export interface FlowActions {
  save(): Promise<boolean>;
  publish(): Promise<void>;
  exportFile(): Promise<void>;
  importFile(file: File): Promise<void>;
}

function problemList(error: unknown): string {
  if (!(error instanceof ApiError) || error.details.length === 0) return errorMessage(error);
  return `${error.message} ${error.details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ')}`;
}

function fileName(name: string, suffix: string): string {
  return `${name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'flow'}${suffix}.flow.json`;
}

/** Reads a flow file someone picked: the draft, or a sentence saying why it is not one. */
export async function readFlowFile(file: File): Promise<{ ok: true; draft: FlowDraft } | { ok: false; reason: string }> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { ok: false, reason: `“${file.name}” is not a JSON file.` };
  }
  const parsed = flowDraftSchema.safeParse(json);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const where = first === undefined || first.path.length === 0 ? '' : ` (at ${first.path.join('.')})`;
    return { ok: false, reason: `“${file.name}” is not a Milepost flow: ${first?.message ?? 'unknown problem'}${where}.` };
  }
  return { ok: true, draft: parsed.data };
}

function createActions(store: EditorStore): FlowActions {
  async function save(): Promise<boolean> {
    const s = store.getState();
    if (s.readOnly || s.busy !== null) return false;
    const version = s.docVersion;
    const draft = canvasToDraft(s.name, s.nodes, s.edges);
    s.setBusy('saving');
    try {
      const detail = await api.saveDraft(s.flowId, draft);
      const after = store.getState();
      after.markSaved(version);
      after.setVersions(detail.versions);
      after.learnFromServer(draft, detail.diagnostics);
      after.notify('success', 'Draft saved.');
      return true;
    } catch (error) {
      store.getState().notify('error', `The draft was not saved. ${problemList(error)}`);
      return false;
    } finally {
      store.getState().setBusy(null);
    }
  }

  async function publish(): Promise<void> {
    const s = store.getState();
    if (s.readOnly || s.busy !== null) return;
    // The API publishes the saved draft, so what is on screen is saved first.
    if (s.docVersion !== s.savedVersion && !(await save())) return;
    store.getState().setBusy('publishing');
    try {
      const published = await api.publish(s.flowId);
      const after = store.getState();
      after.setServerDiagnostics([]);
      after.setVersions([published, ...after.versions.filter((v) => v.version !== published.version)]);
      after.notify('success', `Published as version ${published.version}. New runs use it from now on; running ones keep their version.`);
    } catch (error) {
      const after = store.getState();
      if (error instanceof ApiError && error.status === 422) {
        after.setServerDiagnostics(diagnosticsFromApiDetails(error.details));
        after.setPanel('problems');
        after.notify('error', `Not published. ${error.message} The steps concerned are marked in red.`);
      } else {
        after.notify('error', `Not published. ${problemList(error)}`);
      }
    } finally {
      store.getState().setBusy(null);
    }
  }

  async function exportFile(): Promise<void> {
    const s = store.getState();
    if (s.viewing !== null) {
      // A published version is exported as it is; it has no draft to ask the API for.
      downloadText(fileName(s.name, `-v${s.viewing.version}`), JSON.stringify(canvasToDraft(s.name, s.nodes, s.edges), null, 2));
      return;
    }
    if (s.docVersion !== s.savedVersion && !(await save())) return;
    store.getState().setBusy('exporting');
    try {
      const { filename, text } = await api.exportFlow(s.flowId);
      downloadText(filename, text);
    } catch (error) {
      store.getState().notify('error', `The flow could not be exported. ${problemList(error)}`);
    } finally {
      store.getState().setBusy(null);
    }
  }

  async function importFile(file: File): Promise<void> {
    const result = await readFlowFile(file);
    const s = store.getState();
    if (!result.ok) {
      s.notify('error', result.reason);
      return;
    }
    s.replaceDocument(result.draft);
    s.notify('info', `Loaded “${result.draft.name}” into this draft. Save to keep it, or undo to go back.`);
  }

  return { save, publish, exportFile, importFile };
}

export function useFlowActions(): FlowActions {
  const store = useEditorApi();
  return useMemo(() => createActions(store), [store]);
}
