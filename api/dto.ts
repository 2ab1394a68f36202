import type { z } from '@hono/zod-openapi';
import type { InboxItem, KpiReport, Milestone, SalesProject } from '../db/schema';
import type { SignedInAccount } from './auth/principal';
import type { EscalationWithStandIn } from '../db/queries/escalations';
import * as S from './contract/projects';
import * as U from './contract/users';
import { bodyOf, toJson } from './to-json';

// Row → response body. One function per resource, so every route answers the same shape: the row
// as JSON, cut to the contract's fields, plus what is computed.

const milestoneBody = bodyOf(S.Milestone);
export const milestoneDto = (m: Milestone): z.infer<typeof S.Milestone> => milestoneBody(toJson(m));

const projectBody = bodyOf(S.Project);
export const projectDto = (p: SalesProject, milestones: Milestone[]): z.infer<typeof S.Project> =>
  projectBody({ ...toJson(p), milestones: milestones.map(milestoneDto) });

const escalationBody = bodyOf(S.Escalation);
export const escalationDto = (e: EscalationWithStandIn): z.infer<typeof S.Escalation> => escalationBody(toJson(e));

const kpiReportBody = bodyOf(S.KpiReport);
export const kpiReportDto = (r: KpiReport): z.infer<typeof S.KpiReport> => kpiReportBody(toJson(r));

const userBody = bodyOf(U.User);
export const userDto = (u: SignedInAccount): z.infer<typeof U.User> => userBody(toJson(u));

const inboxItemBody = bodyOf(U.InboxItem);
export const inboxItemDto = (i: InboxItem): z.infer<typeof U.InboxItem> => inboxItemBody(toJson(i));
