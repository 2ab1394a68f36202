import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useConnection,
  useReactFlow,
  type AriaLabelConfig,
  type Connection,
  type DefaultEdgeOptions,
  type FinalConnectionState,
  type IsValidConnection,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { checkConnection, isNodeKind, nodeDef, type ConnectionCheck, type ConnectionRefusal } from '../../../../workflows/flow';
import { useShallow } from 'zustand/react/shallow';
import { connectionRefusal, nodeLabel } from '../../i18n/flow-catalog';
import { toConnectionLike, toGraphLike } from '../graph/draft-convert';
import type { StepEdge, StepNode } from '../graph/types';
import { edgeTypes, nodeTypes } from './canvas-types';
import { paletteDragType } from './Palette';
import { useEditorApi, useEditorStore, type EditorState } from './store';
import { useOpeningFit } from './use-readable-fit';

const defaultEdgeOptions: DefaultEdgeOptions = { type: 'flow', markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };
const proOptions = { hideAttribution: true };
/** Shift-click adds to the selection as in most drawing tools; Ctrl/Cmd-click too, as React Flow does. */
const multiSelectionKeys = ['Shift', 'Control', 'Meta'];

const categoryColours: Record<string, string> = {
  start: '#16a34a',
  people: '#2563eb',
  logic: '#7c3aed',
  timing: '#d97706',
  actions: '#0d9488',
  end: '#64748b',
};

function minimapColour(node: StepNode): string {
  return isNodeKind(node.data.kind) ? (categoryColours[nodeDef(node.data.kind).category] ?? '#94a3b8') : '#94a3b8';
}

/** React Flow's own words (screen-reader descriptions, its buttons), in the page's language. */
function ariaLabels(t: TFunction<'flowDesigner'>): Partial<AriaLabelConfig> {
  return {
    'node.a11yDescription.default': t('canvas.a11y.node'),
    'node.a11yDescription.keyboardDisabled': t('canvas.a11y.nodeKeyboardDisabled'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('canvas.a11y.nodeMoved', { direction, x, y }),
    'edge.a11yDescription.default': t('canvas.a11y.edge'),
    'controls.ariaLabel': t('canvas.a11y.controls'),
    'controls.zoomIn.ariaLabel': t('canvas.a11y.zoomIn'),
    'controls.zoomOut.ariaLabel': t('canvas.a11y.zoomOut'),
    'controls.fitView.ariaLabel': t('canvas.a11y.fitView'),
    'controls.interactive.ariaLabel': t('canvas.a11y.interactive'),
    'minimap.ariaLabel': t('canvas.a11y.minimap'),
    'handle.ariaLabel': t('canvas.a11y.handle'),
  };
}

/** The catalog's verdict on a connection someone is drawing, whichever end they started from. */
function checkDrawn(state: EditorState, connection: Connection | StepEdge): ConnectionCheck {
  return checkConnection(toGraphLike(state.nodes, state.edges), toConnectionLike(connection));
}

interface HandleEnd {
  readonly nodeId: string;
  readonly id?: string | null;
  readonly type: 'source' | 'target';
}

/** Drawing may start at an input and end at an output; the flow's edge always runs output → input. */
function asConnection(from: HandleEnd, to: HandleEnd): Connection {
  const [source, target] = from.type === 'source' ? [from, to] : [to, from];
  return { source: source.nodeId, sourceHandle: source.id ?? null, target: target.nodeId, targetHandle: target.id ?? null };
}

const ConnectionHint = () => {
  const store = useEditorApi();
  const connection = useConnection();
  const refusal = useEditorStore((s) => s.refusal);
  const clearRefusal = useEditorStore((s) => s.clearRefusal);
  const { t } = useTranslation('flowDesigner');

  useEffect(() => {
    if (refusal === null) return;
    const timer = setTimeout(clearRefusal, 6000);
    return () => clearTimeout(timer);
  }, [refusal, clearRefusal]);

  let live: ConnectionRefusal | null = null;
  if (connection.inProgress && connection.toHandle !== null && connection.isValid === false) {
    const check = checkDrawn(store.getState(), asConnection(connection.fromHandle, connection.toHandle));
    live = check.ok ? null : check.refusal;
  }
  const why = live ?? refusal?.refusal ?? null;
  if (why === null) return null;
  return (
    <div className="connection-hint" role="status" data-testid="connection-hint">
      {t('canvas.cannotConnect', { reason: connectionRefusal(why) })}
    </div>
  );
};

/** `focus`: the steps the canvas opens on (say, those a comparison marks), instead of the whole flow. */
export function Canvas({ focus }: { focus?: readonly string[] } = {}) {
  const store = useEditorApi();
  const nodes = useEditorStore((s) => s.nodes);
  const storedEdges = useEditorStore((s) => s.edges);
  // Names only (not positions), so dragging a step does not relabel every connection.
  const stepNames = useEditorStore(useShallow((s) => Object.fromEntries(s.nodes.map((node) => [node.id, node.data.label ?? nodeLabel(node.data.kind)]))));
  const readOnly = useEditorStore((s) => s.readOnly);
  const onNodesChange = useEditorStore((s) => s.onNodesChange);
  const onEdgesChange = useEditorStore((s) => s.onEdgesChange);
  const onConnect = useEditorStore((s) => s.onConnect);
  const onReconnect = useEditorStore((s) => s.onReconnect);
  const beginDrag = useEditorStore((s) => s.beginDrag);
  const endDrag = useEditorStore((s) => s.endDrag);
  const { screenToFlowPosition } = useReactFlow();
  const fitted = useOpeningFit(focus);
  const { t, i18n } = useTranslation('flowDesigner');
  const ariaLabelConfig = useMemo(() => ariaLabels(t), [t, i18n.language]);
  // What a screen reader says for a connection: the steps it joins, by name, in the page's language.
  const edges = useMemo(
    () => storedEdges.map((edge) => ({ ...edge, ariaLabel: t('canvas.edge', { source: stepNames[edge.source] ?? edge.source, target: stepNames[edge.target] ?? edge.target }) })),
    [storedEdges, stepNames, t, i18n.language],
  );

  // Reads the store at call time: the check runs while dragging, and must not re-render anything.
  const isValidConnection = useCallback<IsValidConnection<StepEdge>>((connection) => checkDrawn(store.getState(), connection).ok, [store]);

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || state.fromHandle === null || state.toHandle === null) return;
      const check = checkDrawn(store.getState(), asConnection(state.fromHandle, state.toHandle));
      if (!check.ok) store.getState().refuse(check.refusal);
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(paletteDragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(paletteDragType);
      if (!isNodeKind(kind) || store.getState().readOnly) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // The pointer holds the step by its middle-left, roughly where people grab a card.
      store.getState().addNode(kind, { x: point.x - 20, y: point.y - 30 });
    },
    [screenToFlowPosition, store],
  );

  return (
    <div className="canvas" data-testid="canvas" data-fitted={fitted || undefined}>
      <ReactFlow<StepNode, StepEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onReconnect={onReconnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStart={beginDrag}
        onNodeDragStop={endDrag}
        onSelectionDragStart={beginDrag}
        onSelectionDragStop={endDrag}
        onDragOver={onDragOver}
        onDrop={onDrop}
        defaultEdgeOptions={defaultEdgeOptions}
        // Deleting goes through the editor's own shortcut, so one Delete is one undo step.
        deleteKeyCode={null}
        multiSelectionKeyCode={multiSelectionKeys}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={!readOnly}
        snapToGrid
        snapGrid={[10, 10]}
        // A flow larger than the canvas is scrolled through at a readable zoom; Ctrl+wheel or a pinch zooms.
        panOnScroll
        minZoom={0.1}
        maxZoom={2}
        proOptions={proOptions}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#c8ced8" />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap<StepNode> pannable zoomable position="bottom-right" className="minimap" nodeColor={minimapColour} nodeBorderRadius={4} />
        <ConnectionHint />
      </ReactFlow>
    </div>
  );
}
