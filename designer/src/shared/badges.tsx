import { useTranslation } from 'react-i18next';
import type { RagStatus } from '../../../workflows/domain/attainment';
import { phaseLabel, type LifecyclePhase } from './phases';

export function RagBadge({ status }: { status: RagStatus | null }) {
  const { t } = useTranslation('shared');
  if (status === null) return <span className="rag rag--none">{t('rag.none')}</span>;
  return <span className={`rag rag--${status}`}>{t(`rag.${status}`)}</span>;
}

export function PhaseBadge({ phase }: { phase: LifecyclePhase }) {
  useTranslation('shared');
  return <span className={`phase phase--${phase}`}>{phaseLabel(phase)}</span>;
}

export function StatusPill({ status }: { status: 'pending' | 'met' | 'missed' }) {
  const { t } = useTranslation('shared');
  return <span className={`pill pill--${status}`}>{t(`milestoneStatus.${status}`)}</span>;
}
