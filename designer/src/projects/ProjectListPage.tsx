import { Plus, Search } from 'lucide-react';
import { FilterSelect } from '../shared/FilterSelect';
import { Options } from '../shared/Options';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { ragStatuses } from '../../../workflows/domain/attainment';
import { useCan } from '../auth/use-can';
import { usePeople } from '../shared/people';
import { isPhase, phaseLabels, phaseOrder } from '../shared/phases';
import type { ProjectFilter } from './project-filter';
import { ProjectRow } from './ProjectRow';
import { pageLimit, useProjectList } from './use-project-list';
import { PersonOptions } from '../shared/PersonOptions';
import { NoProjectsYet, SampleCompanyNotice } from './SampleCompany';
import { ShowMore } from '../shared/ShowMore';

function filterFrom(params: URLSearchParams): ProjectFilter {
  const phase = params.get('phase');
  const status = params.get('status');
  return {
    phase: isPhase(phase) ? phase : '',
    ownerId: params.get('owner') ?? '',
    status: status === 'green' || status === 'amber' || status === 'red' ? status : '',
    q: params.get('q') ?? '',
  };
}

/** All projects, narrowed by phase, owner, status and name; the filters live in the address. */
export function ProjectListPage() {
  const { t } = useTranslation('projects');
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filter = useMemo(() => filterFrom(new URLSearchParams(search)), [search]);
  const list = useProjectList(filter);
  const table = useRef<HTMLDivElement>(null);
  // After "Show more", keyboard focus goes to the first project just loaded (the button may be gone).
  const focusRow = useRef<number | null>(null);
  const showMore = () => {
    focusRow.current = list.items?.length ?? 0;
    list.loadMore();
  };
  const shown = list.items?.length ?? 0;
  useEffect(() => {
    const index = focusRow.current;
    if (index === null || shown <= index) return;
    focusRow.current = null;
    table.current?.querySelectorAll<HTMLAnchorElement>('[data-testid="project-row"] a')[index]?.focus();
  }, [shown]);
  const people = usePeople();
  const mayCreate = useCan('createProject');

  const change = (key: 'phase' | 'owner' | 'status' | 'q', value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const filtered = filter.phase !== '' || filter.ownerId !== '' || filter.status !== '' || filter.q.trim() !== '';

  return (
    <main className="page page--wide">
      <div className="page__head">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="muted" aria-live="polite" data-testid="project-count">
            {list.items === null
              ? ' '
              : list.more
                ? t(filtered ? 'list.showingNewestMatching' : 'list.showingNewest', { count: list.items.length })
                : t(filtered ? 'list.countMatching' : 'list.count', { count: list.items.length })}
            {list.loading && list.items !== null && <span className="muted">{t('list.updating')}</span>}
          </p>
        </div>
        {mayCreate && (
          <div className="page__actions">
            <Link href="/projects/new" className="button button--primary">
              <Plus size={16} aria-hidden="true" /> {t('list.newProject')}
            </Link>
          </div>
        )}
      </div>

      <SampleCompanyNotice />

      <form className="filters" role="search" aria-label={t('filter.label')} onSubmit={(event) => event.preventDefault()}>
        <label className="filters__search">
          <span className="sr-only">{t('filter.search')}</span>
          <Search size={15} aria-hidden="true" />
          <input type="search" placeholder={t('filter.search')} value={filter.q} onChange={(event) => change('q', event.target.value)} data-testid="project-search" />
        </label>
        <FilterSelect label={t('filter.phase')} any={t('filter.anyPhase')} value={filter.phase} onChange={(value) => change('phase', value)} testId="filter-phase">
          <Options items={phaseOrder} labelOf={(phase) => phaseLabels[phase]} />
        </FilterSelect>
        <FilterSelect label={t('filter.owner')} any={t('filter.anyone')} value={filter.ownerId} onChange={(value) => change('owner', value)} testId="filter-owner">
          <PersonOptions people={people} />
        </FilterSelect>
        <FilterSelect label={t('filter.status')} any={t('filter.anyStatus')} value={filter.status} onChange={(value) => change('status', value)} testId="filter-status">
          <Options items={ragStatuses} labelOf={(status) => t(`rag.${status}`)} />
        </FilterSelect>
        {filtered && (
          <button type="button" className="button" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('filter.clear')}
          </button>
        )}
      </form>

      {list.error !== null && (
        <div className="callout callout--error" role="alert">
          <p>
            {list.error}{' '}
            <button type="button" className="button" onClick={list.retry}>
              {t('list.tryAgain')}
            </button>
          </p>
        </div>
      )}
      {list.items === null ? (
        list.error === null && <div className="page-state muted">{t('list.loading')}</div>
      ) : list.items.length === 0 ? (
        filtered ? (
          <div className="page-state muted" data-testid="project-list-empty">
            {t('list.noMatch')}
          </div>
        ) : (
          <NoProjectsYet />
        )
      ) : (
        <div className="plist" role="table" aria-label={t('table.label')} aria-rowcount={list.more ? -1 : list.items.length + 1} data-testid="project-list" ref={table}>
          <div className="plist__row plist__row--head" role="row">
            <div role="columnheader">{t('table.project')}</div>
            <div role="columnheader">{t('table.phase')}</div>
            <div role="columnheader">{t('table.owner')}</div>
            <div role="columnheader">{t('table.period')}</div>
            <div role="columnheader">{t('table.attainment')}</div>
            <div role="columnheader">{t('table.status')}</div>
            <div role="columnheader" title={t('table.escalationsTitle')}>
              {t('table.escalations')}
            </div>
          </div>
          <div role="rowgroup">
            {list.items.map((item) => (
              <ProjectRow key={item.id} item={item} />
            ))}
          </div>
        </div>
      )}
      {list.items !== null && list.items.length > 0 && (
        <div className="page-more">
          <ShowMore more={list.more} loading={list.loadingMore} error={list.moreError} onMore={showMore} label={t('list.showMore', { count: pageLimit })} testId="more-projects" />
        </div>
      )}
    </main>
  );
}

/** One filter of the list: a labelled choice whose empty option means "any". */
