import { describe, expect, it } from 'vitest';
import { projectCan } from '../../api/access/project-actions';
import { roleMay, sessionCan, type RoleAbility } from '../../api/access/role-abilities';
import { accessRoles } from '../../workflows/domain';

const offered = (ability: RoleAbility) => accessRoles.filter((role) => roleMay(role, ability));

describe('what the session says each role may do', () => {
  it('lets operations and admins shape flows, and nobody else', () => {
    expect(offered('editFlows')).toEqual(['admin', 'ops']);
  });

  it('lets everyone but operations and viewers start projects, and admins and managers choose their owner', () => {
    expect(offered('createProject')).toEqual(['admin', 'manager', 'member']);
    expect(offered('chooseProjectOwner')).toEqual(['admin', 'manager']);
  });

  it('keeps people, teams, the shared holiday calendars and the whole audit trail to admins', () => {
    expect(offered('managePeople')).toEqual(['admin']);
    expect(offered('manageCalendars')).toEqual(['admin']);
    expect(offered('manageTeams')).toEqual(['admin']);
    expect(offered('readAuditTrail')).toEqual(['admin']);
  });

  it('lets operations and admins load and remove the sample company, and nobody else', () => {
    expect(offered('loadSampleCompany')).toEqual(['admin', 'ops']);
  });

  it('gives a viewer nothing that writes', () => {
    expect(Object.values(sessionCan('viewer')).some(Boolean)).toBe(false);
  });
});

describe("what a project's can object says", () => {
  const planning = { phase: 'planning', reviewStatus: null } as const;

  it("gives a member on the project its day-to-day work and not its plan, whoever manages them", () => {
    expect(projectCan({ role: 'member' }, 'work', planning)).toMatchObject({ reportKpi: true, editTasks: true, editPlan: false, submitPlan: false, close: false });
    expect(projectCan({ role: 'manager' }, 'read', planning)).toMatchObject({ reportKpi: false, editTasks: false, editPlan: false });
  });

  it("keeps a project's history from its owner, who plans it, and gives it to the managers who plan it", () => {
    expect(projectCan({ role: 'member' }, 'plan', planning).readHistory).toBe(false);
    expect(projectCan({ role: 'manager' }, 'plan', planning).readHistory).toBe(true);
  });

  it('offers a closing review only while it collects answers', () => {
    expect(projectCan({ role: 'member' }, 'plan', { phase: 'closing_review', reviewStatus: 'collecting' })).toMatchObject({ answerReview: true, finalizeReview: true, reportKpi: false });
    expect(projectCan({ role: 'member' }, 'plan', { phase: 'closing_review', reviewStatus: 'finalized' })).toMatchObject({ answerReview: false, finalizeReview: false });
  });

  it('offers nothing on a project one cannot see', () => {
    expect(Object.values(projectCan({ role: 'admin' }, undefined, planning)).some(Boolean)).toBe(false);
  });
});
