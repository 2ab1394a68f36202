import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabels } from '../auth/permissions';
import type { PersonNode } from './org-chart-graph';

/** One person on the org chart: name and role; marked when on the chosen person's escalation chain. */
export const PersonCard = memo(function PersonCard({ id, data }: NodeProps<PersonNode>) {
  const { t } = useTranslation('people');
  const classes = ['org-card', data.inChain && 'org-card--chain', data.chosen && 'org-card--chosen', !data.active && 'org-card--left'].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid={`org-person-${id}`} data-in-chain={data.inChain ? 'true' : 'false'}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <span className="org-card__name">
        {data.name}
        {data.me && <span className="org-card__me">{t('you')}</span>}
      </span>
      <span className="org-card__role">{data.active ? roleLabels[data.role] : t('hasLeft')}</span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});
