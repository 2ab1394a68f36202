import type { Db } from '../db/connect';
import { setProjectStatus } from '../db/queries/projects';
import { systemClock, type Clock } from './clock';
import { createEscalationActivities } from './escalation';
import { createMilestoneActivities } from './milestone-check';

export interface ActivityDeps {
  db: Db;
  clock?: Clock;
}

/** Every activity the worker registers, built from injected dependencies. */
export function createActivities({ db, clock = systemClock }: ActivityDeps) {
  return {
    ...createMilestoneActivities({ db, clock }),
    ...createEscalationActivities({ db, clock }),
    async closeProject(projectId: string): Promise<void> {
      await setProjectStatus(db, projectId, 'closed');
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
