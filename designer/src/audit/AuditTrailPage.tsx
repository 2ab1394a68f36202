import { ScrollText } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { PageHead } from '../app/PageHead';
import { useCan } from '../auth/use-can';
import { FilterSelect } from '../shared/FilterSelect';
import { Options } from '../shared/Options';
import { PersonOptions } from '../shared/PersonOptions';
import { usePeople } from '../shared/people';
import { requestJson } from '../shared/request';
import { dateTimeInputValue, fromLocalInput } from '../shared/time';
import { usePageQuery } from '../app/queries';
import { auditFilterFrom, auditFilterKey, auditFilterParams, auditFilterProblem, auditRequestPath, isFiltered, type AuditFilter } from './audit-filter';
import { AuditEventList } from './AuditEventList';
import { useAuditPages } from './use-audit-pages';
import { AuditPage } from '../../../api/contract/audit';
import { listProjectsForPicker } from '../projects/all-projects';
import { compareNames } from '../shared/collate';

const pageSize = 50;

/** The whole audit trail, for admins: who changed what, when, before → after; the filters live in the address. */
export function AuditTrailPage() {
  const mayRead = useCan('readAuditTrail');
  const { t } = useTranslation('audit');
  return (
    <main className="page page--wide">
      <PageHead
        title={
          <>
            <ScrollText size={20} aria-hidden="true" /> {t('page.title')}
          </>
        }
      >
        {t('page.intro')}
      </PageHead>
      {mayRead ? (
        <Trail />
      ) : (
        <p className="card" role="alert" data-testid="audit-refused">
          {t('page.refused')}
        </p>
      )}
    </main>
  );
}

/** A moment from the address as a date-time input shows it (in the reader's zone). */
const inputValue = (iso: string): string => (iso ? dateTimeInputValue(iso) : '');

function Trail() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filter = useMemo(() => auditFilterFrom(new URLSearchParams(search)), [search]);
  const problem = auditFilterProblem(filter);
  const { t } = useTranslation('audit');
  const people = usePeople();
  const projects = usePageQuery(['projects', 'audit-filter'], () => listProjectsForPicker());
  const projectList = useMemo(
    () => (projects.load.status === 'ready' ? [...projects.load.value].sort((a, b) => compareNames(a.name, b.name)) : []),
    [projects.load],
  );
  const projectNames = useMemo(() => new Map(projectList.map((p) => [p.id, p.name])), [projectList]);
  const knownPerson = people.status !== 'ready' || people.users.some((u) => u.id === filter.userId);

  const change = (next: Partial<AuditFilter>) => setParams((current) => auditFilterParams({ ...filter, ...next }, current), { replace: true });
  const changeTime = (field: 'from' | 'to', value: string) => {
    change({ [field]: fromLocalInput(value) ?? '' });
  };

  return (
    <>
      <form className="filters" role="search" aria-label={t('filters.label')} onSubmit={(event) => event.preventDefault()}>
        <FilterSelect label={t('filters.person')} any={t('filters.anybody')} value={filter.userId} onChange={(userId) => change({ userId })} testId="audit-person">
          {filter.userId && !knownPerson && <option value={filter.userId}>{t('filters.unlisted')}</option>}
          <PersonOptions people={people} />
        </FilterSelect>
        <FilterSelect label={t('filters.project')} any={t('filters.anyProject')} value={filter.projectId} onChange={(projectId) => change({ projectId })} testId="audit-project">
          {filter.projectId && !projectNames.has(filter.projectId) && <option value={filter.projectId}>{t('filters.chosenProject')}</option>}
          <Options items={projectList} optionValue={(project) => project.id} labelOf={(project) => project.name} />
        </FilterSelect>
        <label>
          <span className="filters__label">{t('filters.from')}</span>
          <input type="datetime-local" value={inputValue(filter.from)} onChange={(event) => changeTime('from', event.target.value)} data-testid="audit-from" />
        </label>
        <label>
          <span className="filters__label">{t('filters.to')}</span>
          <input type="datetime-local" value={inputValue(filter.to)} onChange={(event) => changeTime('to', event.target.value)} data-testid="audit-to" />
        </label>
        {isFiltered(filter) && (
          <button type="button" className="button" onClick={() => setParams(new URLSearchParams(), { replace: true })} data-testid="audit-clear">
            {t('filters.clear')}
          </button>
        )}
      </form>
      {projects.load.status === 'failed' && <p className="error-text">{t('filters.projectsFailed', { message: projects.load.message })}</p>}
      {problem ? (
        <p className="error-text" role="alert" data-testid="audit-filter-problem">
          {problem}
        </p>
      ) : (
        <Changes filter={filter} projectName={(id) => projectNames.get(id)} />
      )}
    </>
  );
}

function Changes({ filter, projectName }: { filter: AuditFilter; projectName: (id: string) => string | undefined }) {
  const { t } = useTranslation('audit');
  const pages = useAuditPages(['audit', auditFilterKey(filter)], (before) => requestJson(AuditPage, 'GET', auditRequestPath(filter, pageSize, before)));
  return (
    <section className="card" aria-label={t('list.changes')} data-testid="audit-trail">
      <AuditEventList pages={pages} empty={isFiltered(filter) ? t('list.noMatch') : t('list.noneYet')} trail={{ projectName }} />
    </section>
  );
}
