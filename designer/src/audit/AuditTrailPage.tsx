import { ScrollText } from 'lucide-react';
import { useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { PageHead } from '../app/PageHead';
import { useCan } from '../auth/use-can';
import { FilterSelect } from '../shared/FilterSelect';
import { Options } from '../shared/Options';
import { PersonOptions } from '../shared/PersonOptions';
import { usePeople } from '../shared/people';
import { requestJson } from '../shared/request';
import { dateTimeInputValue, fromLocalInput, toOffsetIso } from '../shared/time';
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
  return (
    <main className="page page--wide">
      <PageHead
        title={
          <>
            <ScrollText size={20} aria-hidden="true" /> Audit trail
          </>
        }
      >
        Every change, newest first: who made it and how, when, and what it was before and after.
      </PageHead>
      {mayRead ? (
        <Trail />
      ) : (
        <p className="card" role="alert" data-testid="audit-refused">
          Only admins read the whole audit trail. A project’s managers find its changes under History on the project page.
        </p>
      )}
    </main>
  );
}

/** A moment from the address as a date-time input shows it (in the reader's zone). */
const inputValue = (iso: string): string => (iso ? dateTimeInputValue(new Date(iso)) : '');

function Trail() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filter = useMemo(() => auditFilterFrom(new URLSearchParams(search)), [search]);
  const problem = auditFilterProblem(filter);
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
    const at = fromLocalInput(value);
    change({ [field]: at === null ? '' : toOffsetIso(at) });
  };

  return (
    <>
      <form className="filters" role="search" aria-label="Filter the audit trail" onSubmit={(event) => event.preventDefault()}>
        <FilterSelect label="Person" any="Anybody" value={filter.userId} onChange={(userId) => change({ userId })} testId="audit-person">
          {filter.userId && !knownPerson && <option value={filter.userId}>Someone no longer listed</option>}
          <PersonOptions people={people} />
        </FilterSelect>
        <FilterSelect label="Project" any="Any project, or none" value={filter.projectId} onChange={(projectId) => change({ projectId })} testId="audit-project">
          {filter.projectId && !projectNames.has(filter.projectId) && <option value={filter.projectId}>The chosen project</option>}
          <Options items={projectList} optionValue={(project) => project.id} labelOf={(project) => project.name} />
        </FilterSelect>
        <label>
          <span className="filters__label">From</span>
          <input type="datetime-local" value={inputValue(filter.from)} onChange={(event) => changeTime('from', event.target.value)} data-testid="audit-from" />
        </label>
        <label>
          <span className="filters__label">To</span>
          <input type="datetime-local" value={inputValue(filter.to)} onChange={(event) => changeTime('to', event.target.value)} data-testid="audit-to" />
        </label>
        {isFiltered(filter) && (
          <button type="button" className="button" onClick={() => setParams(new URLSearchParams(), { replace: true })} data-testid="audit-clear">
            Clear filters
          </button>
        )}
      </form>
      {projects.load.status === 'failed' && <p className="error-text">Project names could not be loaded: {projects.load.message}</p>}
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
  const pages = useAuditPages(['audit', auditFilterKey(filter)], (before) => requestJson(AuditPage, 'GET', auditRequestPath(filter, pageSize, before)));
  return (
    <section className="card" aria-label="Changes" data-testid="audit-trail">
      <AuditEventList pages={pages} empty={isFiltered(filter) ? 'No changes match these filters.' : 'No changes recorded yet.'} trail={{ projectName }} />
    </section>
  );
}
