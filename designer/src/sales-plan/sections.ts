import type { ComponentType } from 'react';
import type { ProjectDetail } from '../../../api/contract/projects';
import { ForecastSection } from '../forecast/ForecastSection';
import { FunnelSection } from '../funnel/FunnelSection';
import { QuotaSection } from '../quota/QuotaSection';
import { ScorecardSection } from '../scorecard/ScorecardSection';
import { TrainingSection } from '../training/TrainingSection';
import { IncentivesSection } from '../incentives/IncentivesSection';

/** What a part of the sales plan page gets: the project. */
export interface SalesPlanSectionProps {
  project: ProjectDetail;
}

/**
 * The parts of a project's sales plan page, in order: each is one part of the plan (quota, funnel,
 * scorecard, incentives, training, forecast) with its own folder, catalog and data. A rep sees
 * their own row of each; a manager or the owner sees the team's.
 */
export const salesPlanSections: readonly { key: string; Section: ComponentType<SalesPlanSectionProps> }[] = [
  { key: 'quota', Section: QuotaSection },
  { key: 'funnel', Section: FunnelSection },
  { key: 'forecast', Section: ForecastSection },
  { key: 'scorecard', Section: ScorecardSection },
  { key: 'incentives', Section: IncentivesSection },
  { key: 'training', Section: TrainingSection },
];
