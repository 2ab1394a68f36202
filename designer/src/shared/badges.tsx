import type { RagStatus } from '../../../workflows/domain/attainment';
import { phaseLabels, type LifecyclePhase } from './phases';

const ragLabels: Record<RagStatus, string> = { green: 'On track', amber: 'At risk', red: 'Off track' };

export function RagBadge({ status }: { status: RagStatus | null }) {
  if (status === null) return <span className="rag rag--none">No data</span>;
  return <span className={`rag rag--${status}`}>{ragLabels[status]}</span>;
}

export function PhaseBadge({ phase }: { phase: LifecyclePhase }) {
  return <span className={`phase phase--${phase}`}>{phaseLabels[phase]}</span>;
}

export function StatusPill({ status }: { status: 'pending' | 'met' | 'missed' }) {
  return <span className={`pill pill--${status}`}>{status === 'pending' ? 'Pending' : status === 'met' ? 'Met' : 'Missed'}</span>;
}
