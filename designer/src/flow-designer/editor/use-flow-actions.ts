import { useMemo } from 'react';
import { flowDraftSchema, type FlowDraft } from '../../../../workflows/flow';
import { ApiError, api, downloadText, errorMessage } from '../../api/client';
import type { flowDesigner } from '../../i18n/en/flow-designer';
import { i18next } from '../../i18n/i18n';
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

const t = (key: keyof typeof flowDesigner.notices, values?: Record<string, unknown>): string => i18next.t(`flowDesigner:notices.${key}`, values);

/** Reads a flow file someone picked: the draft, or a sentence saying why it is not one. */
export async function readFlowFile(file: File): Promise<{ ok: true; draft: FlowDraft } | { ok: false; reason: string }> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { ok: false, reason: t('notJson', { file: file.name }) };
  }
  const parsed = flowDraftSchema.safeParse(json);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const problem = first?.message ?? t('unknownProblem');
    return first === undefined || first.path.length === 0
      ? { ok: false, reason: t('notAFlow', { file: file.name, problem }) }
      : { ok: false, reason: t('notAFlowAt', { file: file.name, problem, path: first.path.join('.') }) };
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
      after.notify('success', t('saved'));
      return true;
    } catch (error) {
      store.getState().notify('error', t('notSaved', { error: problemList(error) }));
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
      after.notify('success', t('published', { version: published.version }));
    } catch (error) {
      const after = store.getState();
      if (error instanceof ApiError && error.status === 422) {
        after.setServerDiagnostics(diagnosticsFromApiDetails(error.details));
        after.setPanel('problems');
        after.notify('error', t('refused', { error: error.message }));
      } else {
        after.notify('error', t('notPublished', { error: problemList(error) }));
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
      store.getState().notify('error', t('notExported', { error: problemList(error) }));
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
    s.notify('info', t('loaded', { name: result.draft.name }));
  }

  return { save, publish, exportFile, importFile };
}

export function useFlowActions(): FlowActions {
  const store = useEditorApi();
  return useMemo(() => createActions(store), [store]);
}
