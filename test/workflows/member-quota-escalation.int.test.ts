import { describe, expect, it } from 'vitest';
import { insertKpiReport } from '../../db/queries/kpi-reports';
import { milestoneMissEscalationFlow } from '../../workflows/flow/default-flows';
import { bind, createOrgChart, createProject, inSeconds, publishFlow, startExecution } from '../support/factories';
import { call, eventually } from '../support/http';
import { revenueGoalUntil } from '../support/sales-plan';
import { createUser } from '../support/people';
import { useSystem } from '../support/system';

const system = useSystem();

/** The default escalation, its message also naming whose share was missed. */
function escalationNamingTheMember() {
  const document = structuredClone(milestoneMissEscalationFlow);
  for (const node of document.nodes) {
    if (node.kind === 'wait_for_ack') node.config.message = `${node.config.message} Whose share: {{milestone.member.name}}.`;
  }
  return document;
}

describe('a member’s own quota on the real engine', () => {
  it('escalates a member’s missed share to that member’s manager, not to the project owner’s', async () => {
    const org = await createOrgChart(system.app);
    const membersBoss = await createUser(system.app, 'Mia Boss', null, 'manager');
    const mia = await createUser(system.app, 'Mia Quota', membersBoss.id);
    const project = await createProject(system.app, org.rep.id, 'Quota miss', { periodEnd: inSeconds(9), monitoringDays: 0 });
    expect((await call(system.app, 'PUT', `/api/projects/${project.id}/members`, { members: [{ userId: mia.id, role: 'member' }] })).status).toBe(200);
    const goal = await call(system.app, 'POST', `/api/projects/${project.id}/goals`, revenueGoalUntil(inSeconds(6)));
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    const allocated = await call(system.app, 'PUT', `/api/projects/${project.id}/goals/${goal.body.id}/allocation`, { granularity: 'month', shares: [{ userId: mia.id, weight: 1 }] });
    expect(allocated.status, JSON.stringify(allocated.body)).toBe(200);
    const [milestone] = await system.db.selectFrom('milestones').selectAll().where('goalId', '=', goal.body.id).execute();
    expect(milestone).toMatchObject({ memberId: mia.id, ownerId: mia.id, targetValue: '1000' });

    await bind(system.app, 'milestone_missed', project.id, await publishFlow(system.app, escalationNamingTheMember()));
    await startExecution(system.app, project.id, org.rep);
    // The project as a whole reaches the target, but nothing of it is Mia's: her share is missed.
    await insertKpiReport(system.db, { projectId: project.id, metric: 'revenue', value: '5000', reportedAt: inSeconds(-10), reporterId: org.rep.id });

    const escalation = await eventually(
      async () => {
        const rows = await system.db.selectFrom('escalations').selectAll().where('projectId', '=', project.id).execute();
        expect(rows).toHaveLength(1);
        return rows[0]!;
      },
      { timeoutMs: 30_000 },
    );
    expect(escalation).toMatchObject({ milestoneId: milestone!.id, level: 1, recipientId: membersBoss.id });
    expect(escalation.recipientId).not.toBe(org.manager.id);
    const checked = await system.db.selectFrom('milestones').select(['status', 'actualValue']).where('id', '=', milestone!.id).executeTakeFirstOrThrow();
    expect(checked).toEqual({ status: 'missed', actualValue: '0' });

    // The request to acknowledge reaches her manager and names her as the one whose share it is.
    const item = await eventually(async () => {
      const rows = await system.db.selectFrom('inbox_items').select('payload').where('userId', '=', membersBoss.id).execute();
      expect(rows).toHaveLength(1);
      return rows[0]!;
    });
    expect(JSON.stringify(item.payload)).toContain('Whose share: Mia Quota.');
    const ownersManager = await system.db.selectFrom('inbox_items').select('id').where('userId', '=', org.manager.id).execute();
    expect(ownersManager).toEqual([]);
  });
});
