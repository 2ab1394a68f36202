import { describe, expect, it } from 'vitest';
import { anyProject, covers, matchesFilter, type ProjectFilter } from '../../designer/src/projects/project-filter';
import type { ProjectListItem } from '../../api/contract/projects';

const item = (over: Partial<ProjectListItem>): ProjectListItem => ({
  id: 'p1',
  name: 'Spring Push East',
  phase: 'execution',
  ownerId: 'u1',
  ownerName: 'Rep',
  periodStart: '2027-01-01T00:00:00Z',
  periodEnd: '2028-01-01T00:00:00Z',
  attainmentPct: 40,
  status: 'amber',
  openEscalations: 0,
  ...over,
});
const filter = (over: Partial<ProjectFilter>): ProjectFilter => ({ ...anyProject, ...over });

describe('filtering the project list in the page', () => {
  it('matches the name case-insensitively as a part, like the API', () => {
    expect(matchesFilter(item({}), filter({ q: '  push e ' }))).toBe(true);
    expect(matchesFilter(item({}), filter({ q: 'west' }))).toBe(false);
  });

  it('requires every chosen filter to match', () => {
    expect(matchesFilter(item({}), filter({ phase: 'execution', ownerId: 'u1', status: 'amber' }))).toBe(true);
    expect(matchesFilter(item({}), filter({ phase: 'execution', status: 'red' }))).toBe(false);
    expect(matchesFilter(item({ status: null }), filter({ status: 'green' }))).toBe(false);
  });

  it('knows a complete answer for a wider filter also answers a narrower one', () => {
    expect(covers(anyProject, filter({ phase: 'planning', q: 'x' }))).toBe(true);
    expect(covers(filter({ q: 'spr' }), filter({ q: 'Spring', ownerId: 'u1' }))).toBe(true);
    expect(covers(filter({ q: 'spring' }), filter({ q: 'spr' }))).toBe(false);
    expect(covers(filter({ phase: 'planning' }), anyProject)).toBe(false);
    expect(covers(filter({ ownerId: 'u1' }), filter({ ownerId: 'u2' }))).toBe(false);
  });
});
