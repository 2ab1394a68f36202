import { describe, expect, it } from 'vitest';
import { accessRoles } from '../../workflows/domain/access-role';
import { allows, type Permission } from '../../designer/src/auth/permissions';
import { estimateProjectAccess, standsAbove } from '../../designer/src/auth/project-access';

const offered = (permission: Permission) => accessRoles.filter((role) => allows(role, permission));

describe('what the page offers each role', () => {
  it('offers flow editing to operations and admins only', () => {
    expect(offered('editFlows')).toEqual(['admin', 'ops']);
  });

  it('offers new projects to everyone but operations and viewers', () => {
    expect(offered('createProject')).toEqual(['admin', 'manager', 'member']);
  });

  it('offers a project’s history to admins and managers, and people administration and the whole audit trail to admins', () => {
    expect(offered('readProjectHistory')).toEqual(['admin', 'manager']);
    expect(offered('managePeople')).toEqual(['admin']);
    expect(offered('readAuditTrail')).toEqual(['admin']);
  });

  it('offers a viewer nothing that writes', () => {
    const all: Permission[] = ['editFlows', 'createProject', 'chooseProjectOwner', 'readProjectHistory', 'managePeople', 'readAuditTrail'];
    expect(all.filter((permission) => allows('viewer', permission))).toEqual([]);
  });
});

describe('what a person may do with a project they see', () => {
  // ceo ← director ← manager ← rep; "peer" is a manager in another branch.
  const users = [
    { id: 'ceo', managerId: null },
    { id: 'director', managerId: 'ceo' },
    { id: 'manager', managerId: 'director' },
    { id: 'rep', managerId: 'manager' },
    { id: 'peer', managerId: 'ceo' },
  ];

  it('lets the owner, the managers above the owner and admins plan it', () => {
    expect(estimateProjectAccess({ id: 'rep', role: 'member' }, 'rep', users)).toBe('plan');
    expect(estimateProjectAccess({ id: 'director', role: 'manager' }, 'rep', users)).toBe('plan');
    expect(estimateProjectAccess({ id: 'someone', role: 'admin' }, 'rep', users)).toBe('plan');
  });

  it('lets team members work on it, and operations and viewers only read it', () => {
    expect(estimateProjectAccess({ id: 'peer', role: 'manager' }, 'rep', users)).toBe('work');
    expect(estimateProjectAccess({ id: 'other', role: 'member' }, 'rep', users)).toBe('work');
    expect(estimateProjectAccess({ id: 'rep', role: 'viewer' }, 'rep', users)).toBe('read');
    expect(estimateProjectAccess({ id: 'ops', role: 'ops' }, 'rep', users)).toBe('read');
  });

  it('walks the org chart upwards only, and stops at a loop', () => {
    expect(standsAbove(users, 'ceo', 'rep')).toBe(true);
    expect(standsAbove(users, 'rep', 'ceo')).toBe(false);
    expect(standsAbove([{ id: 'a', managerId: 'b' }, { id: 'b', managerId: 'a' }], 'c', 'a')).toBe(false);
  });
});
