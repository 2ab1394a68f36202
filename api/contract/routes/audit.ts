import { routesOf, json } from './define-routes';
import { AuditPage, AuditQuery } from '../audit';

const route = routesOf('audit');

export const listAudit = route.get('/api/audit', {
  summary: 'The audit trail: every change, who made it, when, before and after (newest first)',
  description:
    "Admins read all of it. A manager reads the trail of a project they manage (the owner's managers up the org chart) and must name it with `projectId`.",
  request: { query: AuditQuery },
  responses: { 200: json('One page of changes', AuditPage) },
});
