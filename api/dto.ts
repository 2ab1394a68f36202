import type { z } from '@hono/zod-openapi';
import type { Escalation, InboxItem, KpiReport, Milestone, SalesProject, User } from '../db/schema';
import type * as S from './contract/projects';
import type * as U from './contract/users';

// Row → response body. One function per resource, so every route answers the same shape.

export const milestoneDto = (m: Milestone): z.infer<typeof S.Milestone> => ({
  id: m.id,
  name: m.name,
  dueAt: m.dueAt.toISOString(),
  metric: m.metric,
  targetValue: m.targetValue,
  ownerId: m.ownerId,
  status: m.status,
  actualValue: m.actualValue,
  checkedAt: m.checkedAt?.toISOString() ?? null,
});

export const projectDto = (p: SalesProject, milestones: Milestone[]): z.infer<typeof S.Project> => ({
  id: p.id,
  name: p.name,
  ownerId: p.ownerId,
  periodStart: p.periodStart.toISOString(),
  periodEnd: p.periodEnd.toISOString(),
  status: p.status,
  phase: p.phase,
  health: p.health,
  healthReason: p.healthReason,
  closedReason: p.closedReason,
  milestones: milestones.map(milestoneDto),
});

export const escalationDto = (e: Escalation): z.infer<typeof S.Escalation> => ({
  id: e.id,
  milestoneId: e.milestoneId,
  level: e.level,
  recipientId: e.recipientId,
  createdAt: e.createdAt.toISOString(),
  acknowledgedAt: e.acknowledgedAt?.toISOString() ?? null,
  acknowledgedBy: e.acknowledgedBy,
});

export const kpiReportDto = (r: KpiReport): z.infer<typeof S.KpiReport> => ({
  id: r.id,
  metric: r.metric,
  value: r.value,
  reportedAt: r.reportedAt.toISOString(),
  reporterId: r.reporterId,
});

export const userDto = (u: User): z.infer<typeof U.User> => ({
  id: u.id,
  name: u.name,
  email: u.email,
  managerId: u.managerId,
  role: u.role,
  active: u.active,
});

export const inboxItemDto = (i: InboxItem): z.infer<typeof U.InboxItem> => ({
  id: i.id,
  kind: i.kind,
  payload: i.payload,
  createdAt: i.createdAt.toISOString(),
  readAt: i.readAt?.toISOString() ?? null,
});
