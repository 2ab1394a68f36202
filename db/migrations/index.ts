import type { Migration, MigrationProvider } from 'kysely';
import * as skeleton from './20261124T0000-skeleton';
import * as flows from './20261124T0100-flows';
import * as salesPlan from './20261124T0200-sales-plan';
import * as retrospectives from './20261124T0300-retrospectives';
import * as signInAndAudit from './20261125T0000-sign-in-and-audit';
import * as flowRunPaths from './20261204T0000-flow-run-paths';
import * as milestoneDescription from './20261204T0100-milestone-description';
import * as sharedCalendars from './20261204T0200-shared-calendars';

/** A static list, so bundlers and tests never miss a migration (atproto's provider pattern). */
export const migrations: Record<string, Migration> = {
  '20261124T0000-skeleton': skeleton,
  '20261124T0100-flows': flows,
  '20261124T0200-sales-plan': salesPlan,
  '20261124T0300-retrospectives': retrospectives,
  '20261125T0000-sign-in-and-audit': signInAndAudit,
  '20261204T0000-flow-run-paths': flowRunPaths,
  '20261204T0100-milestone-description': milestoneDescription,
  '20261204T0200-shared-calendars': sharedCalendars,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
