import type { z } from 'zod';
import { requestJson } from '../shared/request';
import { Budget } from '../../../api/contract/budget';
import { Goal } from '../../../api/contract/goals';
import { PlanMilestone, ProjectMember } from '../../../api/contract/plan';
import { ProjectDetail } from '../../../api/contract/projects';
import { Risk } from '../../../api/contract/risks';
import { Task } from '../../../api/contract/tasks';

export interface PlanData {
  project: ProjectDetail;
  goals: Goal[];
  milestones: PlanMilestone[];
  tasks: Task[];
  budget: Budget;
  risks: Risk[];
  members: z.infer<typeof ProjectMember>[];
}

export async function loadPlan(id: string): Promise<PlanData> {
  const base = `/api/projects/${id}`;
  const [project, goals, milestones, tasks, budget, risks, members] = await Promise.all([
    requestJson(ProjectDetail, 'GET', base),
    requestJson(Goal.array(), 'GET', `${base}/goals`),
    requestJson(PlanMilestone.array(), 'GET', `${base}/milestones`),
    requestJson(Task.array(), 'GET', `${base}/tasks`),
    requestJson(Budget, 'GET', `${base}/budget`),
    requestJson(Risk.array(), 'GET', `${base}/risks`),
    requestJson(ProjectMember.array(), 'GET', `${base}/members`),
  ]);
  return { project, goals, milestones, tasks, budget, risks, members };
}

/** What the plan page's sections share: the data, whether it may change, and how to refresh it. */
export interface PlanContext {
  data: PlanData;
  /** What the signed-in person may do with this project, as the API says. */
  can: ProjectDetail['can'];
  /**
   * Only a plan in planning can change (afterwards changes go through change requests), and only
   * by those who plan the project: the API's `can.editPlan`.
   */
  editable: boolean;
  reload: () => Promise<void>;
}
