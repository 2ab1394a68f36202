import { Goal } from '../../../api/contract/goals';
import { ProjectMember } from '../../../api/contract/plan';
import { ChangeRequest } from '../../../api/contract/lifecycle';
import { Allocation, Quotas } from '../../../api/contract/quota';
import { metricAggregation } from '../../../workflows/domain/smart-goal';
import { queryClient } from '../app/queries';
import { requestJson } from '../shared/request';

export const quotasKey = (projectId: string) => ['quotas', projectId];

export const loadQuotas = (projectId: string, signal?: AbortSignal) => requestJson(Quotas, 'GET', `/api/projects/${projectId}/quotas`, undefined, signal);
export const loadGoals = (projectId: string, signal?: AbortSignal) => requestJson(Goal.array(), 'GET', `/api/projects/${projectId}/goals`, undefined, signal);
export const loadMembers = (projectId: string, signal?: AbortSignal) => requestJson(ProjectMember.array(), 'GET', `/api/projects/${projectId}/members`, undefined, signal);
export const loadAllocation = (projectId: string, goalId: string, signal?: AbortSignal) =>
  requestJson(Allocation, 'GET', `/api/projects/${projectId}/goals/${goalId}/allocation`, undefined, signal);
export const saveAllocation = (projectId: string, goalId: string, body: unknown) => requestJson(Allocation, 'PUT', `/api/projects/${projectId}/goals/${goalId}/allocation`, body);
/** Once the project runs, a new allocation is a change request; its answer previews each member's old and new quota. */
export const requestReallocation = (projectId: string, goalId: string, after: unknown, reason: string) =>
  requestJson(ChangeRequest, 'POST', `/api/projects/${projectId}/change-requests`, { subjectKind: 'goal', subjectId: goalId, field: 'allocation', after, reason });

/** Only totals that build up can be shared out (the API refuses the others, naming the goal). */
export const allocatable = (goal: Goal): boolean => metricAggregation(goal.metric) === 'sum' && goal.direction === 'at_least';

export const reloadQuotas = (projectId: string) => queryClient.invalidateQueries({ queryKey: quotasKey(projectId) });
