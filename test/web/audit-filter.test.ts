import { describe, expect, it } from 'vitest';
import {
  anyChange,
  auditFilterFrom,
  auditFilterKey,
  auditFilterParams,
  auditFilterProblem,
  auditRequestPath,
  isFiltered,
  type AuditFilter,
} from '../../designer/src/audit/audit-filter';

const ann = '7f3e2c1a-0000-4000-8000-000000000001';
const project = '7f3e2c1a-0000-4000-8000-0000000000aa';
const filter: AuditFilter = { userId: ann, projectId: project, from: '2027-03-01T09:00:00+08:00', to: '2027-03-31T18:00:00Z' };

describe('the audit trail’s filters in the address', () => {
  it('reads back the filter it wrote, so a shared or reloaded address shows the same changes', () => {
    const params = auditFilterParams(filter);
    expect(params.toString()).toBe(
      `person=${ann}&project=${project}&from=2027-03-01T09%3A00%3A00%2B08%3A00&to=2027-03-31T18%3A00%3A00Z`,
    );
    expect(auditFilterFrom(new URLSearchParams(params.toString()))).toEqual(filter);
  });

  it('leaves empty filters out of the address and keeps whatever else it holds', () => {
    const params = auditFilterParams({ ...anyChange, userId: ann }, new URLSearchParams(`tab=x&project=${project}&from=2027-03-01T09:00:00Z`));
    expect(params.toString()).toBe(`tab=x&person=${ann}`);
    expect(auditFilterFrom(new URLSearchParams())).toEqual(anyChange);
  });

  it('ignores values the API would refuse, as from a mangled link', () => {
    const params = new URLSearchParams({ person: 'ann', project: `${project}x`, from: '2027-03-01', to: '2027-03-01T09:00:00' });
    expect(auditFilterFrom(params)).toEqual(anyChange);
  });

  it('says when “to” is not after “from”, comparing instants across time zones', () => {
    expect(auditFilterProblem(filter)).toBeNull();
    expect(auditFilterProblem({ ...anyChange, from: '2027-03-01T09:00:00+08:00', to: '2027-03-01T01:00:00Z' })).toBe('“To” must be after “From”.');
    expect(auditFilterProblem({ ...anyChange, from: '2027-03-01T09:00:00Z' })).toBeNull();
  });

  it('asks the API with its own names, a page size, and where the older page starts', () => {
    expect(auditRequestPath(anyChange, 50)).toBe('/api/audit?limit=50');
    expect(auditRequestPath({ ...anyChange, userId: ann, from: '2027-03-01T09:00:00+08:00' }, 50, 1234)).toBe(
      `/api/audit?userId=${ann}&from=2027-03-01T09%3A00%3A00%2B08%3A00&limit=50&before=1234`,
    );
  });

  it('tells filters apart and knows an empty one', () => {
    expect(isFiltered(anyChange)).toBe(false);
    expect(isFiltered({ ...anyChange, to: filter.to })).toBe(true);
    expect(auditFilterKey(filter)).not.toBe(auditFilterKey({ ...filter, projectId: '' }));
  });
});
