import { budgetSchema, goalSchema, planMilestoneSchema, projectDetailSchema, riskSchema, taskSchema, type Budget, type Goal, type PlanMilestone, type ProjectDetail, type Risk, type Task } from '../shared/api-schemas';
import { requestJson } from '../shared/request';

export interface PlanData {
  project: ProjectDetail;
  goals: Goal[];
  milestones: PlanMilestone[];
  tasks: Task[];
  budget: Budget;
  risks: Risk[];
}

export async function loadPlan(id: string): Promise<PlanData> {
  const base = `/api/projects/${id}`;
  const [project, goals, milestones, tasks, budget, risks] = await Promise.all([
    requestJson(projectDetailSchema, 'GET', base),
    requestJson(goalSchema.array(), 'GET', `${base}/goals`),
    requestJson(planMilestoneSchema.array(), 'GET', `${base}/milestones`),
    requestJson(taskSchema.array(), 'GET', `${base}/tasks`),
    requestJson(budgetSchema, 'GET', `${base}/budget`),
    requestJson(riskSchema.array(), 'GET', `${base}/risks`),
  ]);
  return { project, goals, milestones, tasks, budget, risks };
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
