import type { Kysely } from 'kysely';

/**
 * A run's requests, found by the run: its list (the run's page) and, at each run's finish, the
 * ones it left pending (cancelPendingRequestsOfRun) read this instead of the whole table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('approval_requests_flow_run_idx').on('approval_requests').columns(['flow_run_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('approval_requests_flow_run_idx').execute();
}
