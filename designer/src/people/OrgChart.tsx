import { ReactFlow, ReactFlowProvider, useReactFlow, type NodeMouseHandler, type NodeTypes, type OnNodeDrag } from '@xyflow/react';
import type { ELK } from 'elkjs/lib/elk-api';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { escalationChain, orgLayoutGraph, personAt, personNodes, reportingEdges, type ChartPerson, type PersonNode } from './org-chart-graph';
import { PersonCard } from './PersonCard';

const nodeTypes: NodeTypes = { person: PersonCard };
const proOptions = { hideAttribution: true };
const fitViewOptions = { padding: 0.15, maxZoom: 1 };

let elk: Promise<ELK> | null = null;
/** ELK is large: it comes with the first chart drawn, not with the page. */
const elkEngine = () => (elk ??= import('elkjs/lib/elk.bundled.js').then((module) => new module.default()));

/** Where ELK puts each card; recomputed when who reports to whom changes. */
function useOrgLayout(people: readonly ChartPerson[]) {
  const shape = people.map((p) => `${p.id}:${p.managerId ?? ''}`).join(',');
  const [positions, setPositions] = useState<{ shape: string; at: Map<string, { x: number; y: number }> } | null>(null);
  useEffect(() => {
    let current = true;
    void elkEngine()
      .then((engine) => engine.layout(orgLayoutGraph(people)))
      .then((layout) => {
        if (current) setPositions({ shape, at: new Map((layout.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }])) });
      });
    return () => {
      current = false;
    };
    // The shape says everything the layout depends on.
  }, [shape]);
  return positions;
}

export interface OrgChartProps {
  people: readonly ChartPerson[];
  meId: string;
  chosenId: string | null;
  onChoose: (personId: string) => void;
  /** Given to those who may change the chart: a card dropped on another card reports to that person. */
  onDropOn?: ((personId: string, managerId: string) => void) | undefined;
}

/** Who reports to whom, drawn top-down and laid out by ELK; the chosen person's chain up to the top stands out. */
export function OrgChart(props: OrgChartProps) {
  return (
    <ReactFlowProvider>
      <OrgCanvas {...props} />
    </ReactFlowProvider>
  );
}

function OrgCanvas({ people, meId, chosenId, onChoose, onDropOn }: OrgChartProps) {
  const { t } = useTranslation('people');
  const layout = useOrgLayout(people);
  const chain = useMemo(() => (chosenId ? escalationChain(people, chosenId) : []), [people, chosenId]);
  const nodes = useMemo(() => (layout ? personNodes(people, layout.at, chain, meId).map((n) => ({ ...n, draggable: onDropOn !== undefined })) : []), [layout, people, chain, meId, onDropOn]);
  const edges = useMemo(() => {
    const nameOf = new Map(people.map((p) => [p.id, p.name]));
    return reportingEdges(people, chain).map((e) => ({ ...e, ariaLabel: t('chart.edge', { person: nameOf.get(e.target) ?? '', manager: nameOf.get(e.source) ?? '' }) }));
  }, [people, chain, t]);
  const ariaLabelConfig = useMemo(
    () => ({ 'node.a11yDescription.default': t('chart.nodeHelp'), 'node.a11yDescription.keyboardDisabled': t('chart.nodeHelpKeyboard'), 'edge.a11yDescription.default': t('chart.edgeHelp') }),
    [t],
  );
  // Dragged cards are shown where they are dragged; the layout takes them back when dropped.
  const [dragged, setDragged] = useState<PersonNode | null>(null);
  const shown = useMemo(() => (dragged ? nodes.map((n) => (n.id === dragged.id ? { ...n, position: dragged.position } : n)) : nodes), [nodes, dragged]);
  const { fitView, screenToFlowPosition } = useReactFlow();

  useEffect(() => {
    if (layout) requestAnimationFrame(() => void fitView(fitViewOptions));
  }, [layout, fitView]);

  const choose: NodeMouseHandler<PersonNode> = (_event, node) => onChoose(node.id);
  const drag: OnNodeDrag<PersonNode> = (_event, node) => setDragged(node);
  const drop: OnNodeDrag<PersonNode> = (event, node) => {
    setDragged(null);
    // Whose card the pointer is over where it let go, by where the layout put the cards.
    const pointer = 'changedTouches' in event ? event.changedTouches[0] : event;
    const target = layout && pointer ? personAt(screenToFlowPosition({ x: pointer.clientX, y: pointer.clientY }), layout.at, node.id) : null;
    if (target && onDropOn) onDropOn(node.id, target);
  };

  return (
    <div className="org-chart" data-testid="org-chart" data-laid-out={layout ? 'true' : 'false'}>
      <ReactFlow<PersonNode>
        nodes={shown}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={choose}
        onNodeDrag={drag}
        onNodeDragStop={drop}
        nodesConnectable={false}
        elementsSelectable={false}
        proOptions={proOptions}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.2}
        aria-label={t('chart.label')}
        ariaLabelConfig={ariaLabelConfig}
      />
    </div>
  );
}
