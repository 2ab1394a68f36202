import type { z } from '@hono/zod-openapi';
import type { Escalation, InboxItem, KpiReport, Milestone, SalesProject, User } from '../db/schema';
import type * as S from './contract/projects';
import type * as U from './contract/users';

// Row → response body. One function per resource, so every route answers the same shape.

export const milestoneDto = (m: Milestone): z.infer<typeof S.Milestone> => ({
  id: m.id,
  name: m.name,
  dueAt: m.due_at.toISOString(),
  metric: m.metric,
  targetValue: m.target_value,
  ownerId: m.owner_id,
  status: m.status,
  actualValue: m.actual_value,
  checkedAt: m.checked_at?.toISOString() ?? null,
});

export const projectDto = (p: SalesProject, milestones: Milestone[]): z.infer<typeof S.Project> => ({
  id: p.id,
  name: p.name,
  ownerId: p.owner_id,
  periodStart: p.period_start.toISOString(),
  periodEnd: p.period_end.toISOString(),
  status: p.status,
  phase: p.phase,
  health: p.health,
  healthReason: p.health_reason,
  closedReason: p.closed_reason,
  milestones: milestones.map(milestoneDto),
});

export const escalationDto = (e: Escalation): z.infer<typeof S.Escalation> => ({
  id: e.id,
  milestoneId: e.milestone_id,
  level: e.level,
  recipientId: e.recipient_id,
  createdAt: e.created_at.toISOString(),
  acknowledgedAt: e.acknowledged_at?.toISOString() ?? null,
  acknowledgedBy: e.acknowledged_by,
});

export const kpiReportDto = (r: KpiReport): z.infer<typeof S.KpiReport> => ({
  id: r.id,
  metric: r.metric,
  value: r.value,
  reportedAt: r.reported_at.toISOString(),
  reporterId: r.reporter_id,
});

export const userDto = (u: User): z.infer<typeof U.User> => ({
  id: u.id,
  name: u.name,
  email: u.email,
  managerId: u.manager_id,
  role: u.role,
  active: u.active,
});

export const inboxItemDto = (i: InboxItem): z.infer<typeof U.InboxItem> => ({
  id: i.id,
  kind: i.kind,
  payload: i.payload,
  createdAt: i.created_at.toISOString(),
  readAt: i.read_at?.toISOString() ?? null,
});
