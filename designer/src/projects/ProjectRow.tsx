import { memo } from 'react';
import { Link } from 'wouter';
import { PhaseBadge, RagBadge } from '../shared/badges';
import { formatPct } from '../shared/format';
import { formatPeriod } from '../shared/time';
import type { ProjectListItem } from '../../../api/contract/projects';

/** One project in the list; memoised, so filtering re-renders only rows that come or go. */
export const ProjectRow = memo(function ProjectRow({ item }: { item: ProjectListItem }) {
  const pct = item.attainmentPct;
  return (
    <div className="plist__row" role="row" data-testid="project-row">
      <div role="cell" className="plist__name">
        <Link href={`/projects/${item.id}`} className="table__link">
          {item.name}
        </Link>
      </div>
      <div role="cell">
        <PhaseBadge phase={item.phase} />
      </div>
      <div role="cell">{item.ownerName}</div>
      <div role="cell" className="small muted">
        {formatPeriod(item.periodStart, item.periodEnd)}
      </div>
      <div role="cell" className="plist__attainment">
        <span className="meter" aria-hidden="true">
          <span className={`meter__fill meter__fill--${item.status ?? 'none'}`} style={{ width: `${Math.min(100, Math.max(0, pct ?? 0))}%` }} />
        </span>
        <span>{formatPct(pct)}</span>
      </div>
      <div role="cell">
        <RagBadge status={item.status} />
      </div>
      <div role="cell" className="plist__num">
        {item.openEscalations > 0 ? <span className="count count--bad">{item.openEscalations}</span> : <span className="muted">0</span>}
      </div>
    </div>
  );
});
