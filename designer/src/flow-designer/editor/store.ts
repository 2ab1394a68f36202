import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { checkConnection, validateFlow, type ConnectionRefusal, type Diagnostic, type FlowDraft, type NodeKind } from '../../../../workflows/flow';
import { i18next } from '../../i18n/i18n';
import { copySelection, pasteClipboard, type Clipboard } from '../graph/clipboard';
import { groupProblems, mergeDiagnostics, type ProblemsById } from '../graph/diagnostics';
import { draftToCanvas, toConnectionLike, toGraphLike, toStepEdge } from '../graph/draft-convert';
import { emptyHistory, record, redo, undo, type History } from '../graph/history';
import { freshId } from '../graph/ids';
import { learnKnownPeople, nobodyKnown, validateOptionsFor, type KnownPeople } from '../graph/known-people';
import { needsLayout } from '../graph/layout-input';
import { createStepNode } from '../graph/new-node';
import type { StepEdge, StepNode } from '../graph/types';
import type { FlowVersionSummary } from '../../../../api/contract/flows';

/** What one undo step restores. */
export interface Snapshot {
  readonly name: string;
  readonly nodes: StepNode[];
  readonly edges: StepEdge[];
}

export type Notice = { readonly tone: 'info' | 'success' | 'error'; readonly text: string; readonly at: number } | null;
export type Busy = null | 'saving' | 'publishing' | 'exporting';

export interface EditorState {
  readonly flowId: string;
  /** A published version is shown, not the draft: nothing can be changed. */
  readonly readOnly: boolean;
  readonly name: string;
  readonly nodes: StepNode[];
  readonly edges: StepEdge[];
  readonly history: History<Snapshot>;
  readonly dragging: boolean;
  /** Bumped by every change validation cares about (not by moving steps around). */
  readonly graphVersion: number;
  /** Bumped by every change to what would be saved; compared with `savedVersion` for "unsaved". */
  readonly docVersion: number;
  readonly savedVersion: number;
  readonly localDiagnostics: readonly Diagnostic[];
  /** What the API said on the last refused publish; stale (and dropped) once the flow changes. */
  readonly serverDiagnostics: readonly Diagnostic[];
  readonly diagnostics: readonly Diagnostic[];
  readonly nodeProblems: ProblemsById;
  readonly edgeProblems: ProblemsById;
  /** The one selected step the side panel edits; null with none or several selected. */
  readonly selectedNodeId: string | null;
  /** The settings field a clicked diagnostic points at, to scroll to and highlight. */
  readonly focusField: string | null;
  readonly panel: 'step' | 'problems';
  readonly clipboard: Clipboard | null;
  readonly pasteCount: number;
  /** Why the last connection attempt was refused, shown for a moment after the drop. */
  readonly refusal: { readonly refusal: ConnectionRefusal; readonly at: number } | null;
  readonly notice: Notice;
  readonly busy: Busy;
  readonly versions: readonly FlowVersionSummary[];
  /** The published version shown instead of the draft, when read-only. */
  readonly viewing: FlowVersionSummary | null;
  /** Roles and teams the API said have active people, so they need no fallback. */
  readonly knownPeople: KnownPeople;
  /** The loaded flow has no usable positions (all steps on one spot): lay it out once measured. */
  readonly layoutPending: boolean;
}

export interface EditorActions {
  onNodesChange(changes: NodeChange<StepNode>[]): void;
  onEdgesChange(changes: EdgeChange<StepEdge>[]): void;
  onConnect(connection: Connection): void;
  onReconnect(edge: StepEdge, connection: Connection): void;
  beginDrag(): void;
  endDrag(): void;
  addNode(kind: NodeKind, position: { x: number; y: number }): string;
  updateConfig(id: string, config: unknown): void;
  updateLabel(id: string, label: string): void;
  setName(name: string): void;
  deleteSelection(): void;
  deleteNode(id: string): void;
  copy(): void;
  paste(): void;
  undo(): void;
  redo(): void;
  selectNode(id: string, field?: string): void;
  selectEdge(id: string): void;
  setPanel(panel: 'step' | 'problems'): void;
  setLocalDiagnostics(diagnostics: readonly Diagnostic[]): void;
  setServerDiagnostics(diagnostics: readonly Diagnostic[]): void;
  /** Compares the API's findings for a saved draft with the browser's, to learn which roles and teams resolve. */
  learnFromServer(draft: FlowDraft, serverFindings: readonly Diagnostic[]): void;
  /** `alongWithLastChange`: part of the change before it (the layout of a just-loaded flow), not an undo step of its own. */
  applyPositions(positions: ReadonlyMap<string, { x: number; y: number }>, alongWithLastChange?: boolean): void;
  replaceDocument(draft: FlowDraft): void;
  markSaved(docVersion: number): void;
  setVersions(versions: readonly FlowVersionSummary[]): void;
  setBusy(busy: Busy): void;
  notify(tone: 'info' | 'success' | 'error', text: string): void;
  clearNotice(): void;
  refuse(refusal: ConnectionRefusal): void;
  clearRefusal(): void;
}

export type EditorStore = StoreApi<EditorState & EditorActions>;

export interface EditorInit {
  readonly flowId: string;
  readonly draft: FlowDraft;
  readonly versions?: readonly FlowVersionSummary[];
  readonly readOnly?: boolean;
  readonly viewing?: FlowVersionSummary;
  /** The API's findings for `draft` as loaded, if it sent them. */
  readonly serverFindings?: readonly Diagnostic[];
}

const snapshotOf = (s: EditorState): Snapshot => ({ name: s.name, nodes: s.nodes, edges: s.edges });

/** Sets `selected` as `wanted` says, reusing every object whose flag does not change. */
function withSelection<T extends { id: string; selected?: boolean }>(items: T[], wanted: (item: T) => boolean): T[] {
  let changed = false;
  const next = items.map((item) => {
    const selected = wanted(item);
    if ((item.selected ?? false) === selected) return item;
    changed = true;
    return { ...item, selected };
  });
  return changed ? next : items;
}

function singleSelected(nodes: readonly StepNode[]): string | null {
  let found: string | null = null;
  for (const node of nodes) {
    if (node.selected !== true) continue;
    if (found !== null) return null;
    found = node.id;
  }
  return found;
}

function diagnosticsState(s: Pick<EditorState, 'nodeProblems' | 'edgeProblems'>, local: readonly Diagnostic[], server: readonly Diagnostic[]) {
  const diagnostics = mergeDiagnostics(local, server);
  return {
    localDiagnostics: local,
    serverDiagnostics: server,
    diagnostics,
    nodeProblems: groupProblems(diagnostics, 'nodeId', s.nodeProblems),
    edgeProblems: groupProblems(diagnostics, 'edgeId', s.edgeProblems),
  };
}

export function createEditorStore(init: EditorInit): EditorStore {
  const canvas = draftToCanvas(init.draft);
  return createStore<EditorState & EditorActions>()((set, get) => {
    /**
     * The state after an edit of the document: the state before it goes on the undo stack,
     * and a change to the graph makes the API's last findings stale.
     */
    function edited(patch: Partial<EditorState>, options: { key?: string | null; graph?: boolean } = {}): Partial<EditorState> {
      const s = get();
      const graph = options.graph ?? true;
      return {
        ...patch,
        history: record(s.history, snapshotOf(s), options.key ?? null, Date.now()),
        docVersion: s.docVersion + 1,
        ...(graph ? { graphVersion: s.graphVersion + 1 } : {}),
        ...(graph && s.serverDiagnostics.length > 0 ? diagnosticsState(s, s.localDiagnostics, []) : {}),
      };
    }

    function restore(snapshot: Snapshot, history: History<Snapshot>): void {
      const s = get();
      set({
        ...snapshot,
        history,
        docVersion: s.docVersion + 1,
        graphVersion: s.graphVersion + 1,
        selectedNodeId: singleSelected(snapshot.nodes),
        ...(s.serverDiagnostics.length > 0 ? diagnosticsState(s, s.localDiagnostics, []) : {}),
      });
    }

    return {
      flowId: init.flowId,
      readOnly: init.readOnly ?? false,
      name: init.draft.name,
      nodes: canvas.nodes,
      edges: canvas.edges,
      history: emptyHistory(),
      dragging: false,
      graphVersion: 0,
      docVersion: 0,
      savedVersion: 0,
      localDiagnostics: [],
      serverDiagnostics: [],
      diagnostics: [],
      nodeProblems: {},
      edgeProblems: {},
      selectedNodeId: null,
      focusField: null,
      panel: 'step',
      clipboard: null,
      pasteCount: 0,
      refusal: null,
      notice: null,
      busy: null,
      versions: init.versions ?? [],
      viewing: init.viewing ?? null,
      knownPeople: init.serverFindings === undefined ? nobodyKnown : learnKnownPeople(init.draft, validateFlow(init.draft), init.serverFindings),
      layoutPending: needsLayout(canvas.nodes),

      onNodesChange(changes) {
        const s = get();
        const allowed = s.readOnly ? changes.filter((c) => c.type === 'select' || c.type === 'dimensions') : changes;
        if (allowed.length === 0) return;
        const nodes = applyNodeChanges(allowed, s.nodes);
        const moved = allowed.some((c) => c.type === 'position' && c.position !== undefined);
        const removed = allowed.some((c) => c.type === 'remove');
        const selection = allowed.some((c) => c.type === 'select' || c.type === 'remove');
        const selectedNodeId = selection ? singleSelected(nodes) : s.selectedNodeId;
        const patch: Partial<EditorState> = {
          nodes,
          selectedNodeId,
          ...(selectedNodeId !== null && selectedNodeId !== s.selectedNodeId ? { panel: 'step' as const, focusField: null } : {}),
        };
        // A drag was recorded when it started; arrow-key nudges are recorded here, together.
        if (removed || (moved && !s.dragging)) set(edited(patch, { key: removed ? null : 'nudge', graph: removed }));
        else set(moved ? { ...patch, docVersion: s.docVersion + 1 } : patch);
      },

      onEdgesChange(changes) {
        const s = get();
        const allowed = s.readOnly ? changes.filter((c) => c.type === 'select') : changes;
        if (allowed.length === 0) return;
        const edges = applyEdgeChanges(allowed, s.edges);
        if (allowed.some((c) => c.type === 'remove')) set(edited({ edges }));
        else set({ edges });
      },

      onConnect(connection) {
        const s = get();
        if (s.readOnly) return;
        const check = checkConnection(toGraphLike(s.nodes, s.edges), toConnectionLike(connection));
        if (!check.ok) {
          get().refuse(check.refusal);
          return;
        }
        const sourcePort = connection.sourceHandle ?? '';
        const targetPort = connection.targetHandle ?? '';
        const id = freshId(`${connection.source}-${sourcePort}-${connection.target}`, new Set(s.edges.map((e) => e.id)));
        const edge = toStepEdge({ id, source: connection.source, sourcePort, target: connection.target, targetPort });
        set(edited({ edges: [...s.edges, edge], refusal: null }));
      },

      onReconnect(old, connection) {
        const s = get();
        if (s.readOnly) return;
        const check = checkConnection(toGraphLike(s.nodes, s.edges), { ...toConnectionLike(connection), id: old.id });
        if (!check.ok) {
          get().refuse(check.refusal);
          return;
        }
        const moved: StepEdge = { ...old, source: connection.source, sourceHandle: connection.sourceHandle, target: connection.target, targetHandle: connection.targetHandle };
        set(edited({ edges: s.edges.map((edge) => (edge.id === old.id ? moved : edge)) }));
      },

      beginDrag() {
        if (get().readOnly) return;
        set({ ...edited({}, { graph: false }), dragging: true });
      },

      endDrag() {
        set({ dragging: false });
      },

      addNode(kind, position) {
        const s = get();
        const node = createStepNode(kind, position, new Set(s.nodes.map((n) => n.id)));
        set(
          edited({
            nodes: [...withSelection(s.nodes, () => false), node],
            edges: withSelection(s.edges, () => false),
            selectedNodeId: node.id,
            panel: 'step',
            focusField: null,
          }),
        );
        return node.id;
      },

      updateConfig(id, config) {
        const s = get();
        if (s.readOnly) return;
        const nodes = s.nodes.map((node) => (node.id === id ? ({ ...node, data: { ...node.data, config } } as StepNode) : node));
        set(edited({ nodes }, { key: `config:${id}` }));
      },

      updateLabel(id, label) {
        const s = get();
        if (s.readOnly) return;
        const nodes = s.nodes.map((node) => {
          if (node.id !== id) return node;
          const { label: _old, ...rest } = node.data;
          return { ...node, data: label.trim() === '' ? rest : { ...rest, label } } as StepNode;
        });
        set(edited({ nodes }, { key: `label:${id}` }));
      },

      setName(name) {
        if (get().readOnly) return;
        set(edited({ name }, { key: 'name' }));
      },

      deleteSelection() {
        const s = get();
        if (s.readOnly) return;
        const gone = new Set(s.nodes.filter((node) => node.selected === true).map((node) => node.id));
        const edges = s.edges.filter((edge) => edge.selected !== true && !gone.has(edge.source) && !gone.has(edge.target));
        if (gone.size === 0 && edges.length === s.edges.length) return;
        set(edited({ nodes: s.nodes.filter((node) => !gone.has(node.id)), edges, selectedNodeId: null }));
      },

      deleteNode(id) {
        const s = get();
        if (s.readOnly) return;
        set(
          edited({
            nodes: s.nodes.filter((node) => node.id !== id),
            edges: s.edges.filter((edge) => edge.source !== id && edge.target !== id),
            selectedNodeId: s.selectedNodeId === id ? null : s.selectedNodeId,
          }),
        );
      },

      copy() {
        const s = get();
        const clipboard = copySelection(s.nodes, s.edges);
        if (clipboard === null) return;
        set({ clipboard, pasteCount: 0 });
        get().notify('info', i18next.t('flowDesigner:notices.copied', { count: clipboard.nodes.length }));
      },

      paste() {
        const s = get();
        if (s.readOnly || s.clipboard === null) return;
        const shift = 40 * (s.pasteCount + 1);
        const pasted = pasteClipboard(s.clipboard, new Set(s.nodes.map((n) => n.id)), new Set(s.edges.map((e) => e.id)), { x: shift, y: shift });
        const nodes = [...withSelection(s.nodes, () => false), ...pasted.nodes];
        set({
          ...edited({ nodes, edges: [...withSelection(s.edges, () => false), ...pasted.edges], selectedNodeId: singleSelected(nodes) }),
          pasteCount: s.pasteCount + 1,
        });
      },

      undo() {
        const s = get();
        if (s.readOnly) return;
        const step = undo(s.history, snapshotOf(s));
        if (step !== null) restore(step.state, step.history);
      },

      redo() {
        const s = get();
        if (s.readOnly) return;
        const step = redo(s.history, snapshotOf(s));
        if (step !== null) restore(step.state, step.history);
      },

      selectNode(id, field) {
        const s = get();
        set({
          nodes: withSelection(s.nodes, (node) => node.id === id),
          edges: withSelection(s.edges, () => false),
          selectedNodeId: id,
          panel: 'step',
          focusField: field ?? null,
        });
      },

      selectEdge(id) {
        const s = get();
        set({
          nodes: withSelection(s.nodes, () => false),
          edges: withSelection(s.edges, (edge) => edge.id === id),
          selectedNodeId: null,
        });
      },

      setPanel(panel) {
        set({ panel });
      },

      setLocalDiagnostics(diagnostics) {
        const s = get();
        set(diagnosticsState(s, diagnostics, s.serverDiagnostics));
      },

      setServerDiagnostics(diagnostics) {
        const s = get();
        set(diagnosticsState(s, s.localDiagnostics, diagnostics));
      },

      learnFromServer(draft, serverFindings) {
        const s = get();
        const known = learnKnownPeople(draft, validateFlow(draft, validateOptionsFor(s.knownPeople)), serverFindings, s.knownPeople);
        if (known.roles.size === s.knownPeople.roles.size && known.teams.size === s.knownPeople.teams.size) return;
        set({ knownPeople: known, graphVersion: s.graphVersion + 1 });
      },

      applyPositions(positions, alongWithLastChange = false) {
        const s = get();
        const nodes = s.nodes.map((node) => {
          const position = positions.get(node.id);
          return position === undefined ? node : { ...node, position };
        });
        if (alongWithLastChange) set({ nodes, docVersion: s.docVersion + 1, layoutPending: false });
        else set({ ...edited({ nodes }, { graph: false }), layoutPending: false });
      },

      replaceDocument(draft) {
        const next = draftToCanvas(draft);
        set({
          ...edited({ name: draft.name, nodes: next.nodes, edges: next.edges, selectedNodeId: null }),
          layoutPending: needsLayout(next.nodes),
        });
      },

      markSaved(docVersion) {
        set({ savedVersion: docVersion });
      },

      setVersions(versions) {
        set({ versions });
      },

      setBusy(busy) {
        set({ busy });
      },

      notify(tone, text) {
        set({ notice: { tone, text, at: Date.now() } });
      },

      clearNotice() {
        set({ notice: null });
      },

      refuse(refusal) {
        set({ refusal: { refusal, at: Date.now() } });
      },

      clearRefusal() {
        set({ refusal: null });
      },
    };
  });
}

export const EditorStoreContext = createContext<EditorStore | null>(null);

export function useEditorApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (store === null) throw new Error('useEditorApi must be used inside an editor (EditorStoreContext).');
  return store;
}

/** Subscribes to one slice of the editor; select as narrowly as you can (never the nodes array in a step). */
export function useEditorStore<T>(selector: (state: EditorState & EditorActions) => T): T {
  return useStore(useEditorApi(), selector);
}
