import { useReactFlow, useStoreApi } from '@xyflow/react';
import { memo, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeCategories, nodeDef, nodeKinds, type NodeKind } from '../../../../workflows/flow';
import { categoryLabel, nodeHelp, nodeLabel } from '../../i18n/flow-catalog';
import { fallbackNodeSize } from '../graph/layout-input';
import { findFreeSpot } from '../graph/placement';
import { StepIcon } from './step-icon';
import { useEditorApi } from './store';

export const paletteDragType = 'application/x-milepost-step';

const groups = nodeCategories.map((category) => ({
  category,
  kinds: nodeKinds.filter((kind) => nodeDef(kind).category === category),
}));

/** Steps to add, grouped as the catalog groups them: drag one onto the canvas, or click to add it in view. */
function PaletteView() {
  const store = useEditorApi();
  const flowStore = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const { t } = useTranslation('flowDesigner');

  function addInView(kind: NodeKind) {
    const rect = flowStore.getState().domNode?.getBoundingClientRect();
    const center = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: 400, y: 300 };
    const point = screenToFlowPosition(center);
    const wanted = { x: Math.round(point.x - fallbackNodeSize.width / 2), y: Math.round(point.y - fallbackNodeSize.height / 2) };
    const taken = store.getState().nodes.map((node) => ({
      ...node.position,
      width: node.measured?.width ?? fallbackNodeSize.width,
      height: node.measured?.height ?? fallbackNodeSize.height,
    }));
    store.getState().addNode(kind, findFreeSpot(wanted, fallbackNodeSize, taken));
  }

  function onDragStart(event: DragEvent, kind: NodeKind) {
    event.dataTransfer.setData(paletteDragType, kind);
    event.dataTransfer.effectAllowed = 'copy';
  }

  return (
    <nav className="palette" aria-label={t('palette.label')}>
      <p className="palette__hint">{t('palette.hint')}</p>
      {groups.map((group) => (
        <section key={group.category} className="palette__group">
          <h3>{categoryLabel(group.category)}</h3>
          <ul>
            {group.kinds.map((kind) => (
              <li key={kind}>
                <button
                  type="button"
                  className={`palette__item palette__item--${group.category}`}
                  draggable
                  onDragStart={(event) => onDragStart(event, kind)}
                  onClick={() => addInView(kind)}
                  title={nodeHelp(kind)}
                  data-testid={`palette-${kind}`}
                >
                  <StepIcon kind={kind} />
                  <span>{nodeLabel(kind)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

export const Palette = memo(PaletteView);
