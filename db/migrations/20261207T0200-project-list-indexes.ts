import { sql, type Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
// The project list reads one page of 10,000 projects in one query (db/queries/project-list.ts):
// newest first by (created_at, id), the manager's people found through the org chart, and each
// listed project's first goal, its KPI figure and its open escalations found by index.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The page order, and the keyset `(created_at, id) < cursor` that starts each next page.
  await sql`create index sales_projects_list_order_idx on sales_projects (created_at desc, id desc)`.execute(db);
  // A person's own projects (the owner filter, and the projects of the people below a manager).
  await sql`create index sales_projects_owner_list_idx on sales_projects (owner_id, created_at desc, id desc)`.execute(db);
  // Everybody below a manager, one level at a time.
  await sql`create index users_manager_idx on users (manager_id)`.execute(db);
  // A project's first goal.
  await sql`create index goals_project_first_idx on goals (project_id, created_at, id)`.execute(db);
  // A goal's KPI figure: the sum over its period from the index alone, or the latest report.
  await sql`create index kpi_reports_project_metric_time_idx on kpi_reports (project_id, metric, reported_at, id) include (value)`.execute(db);
  await sql`drop index kpi_reports_project_metric_idx`.execute(db);
  // The open escalations a project row counts.
  await sql`create index escalations_open_project_idx on escalations (project_id) where acknowledged_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index escalations_open_project_idx`.execute(db);
  await sql`create index kpi_reports_project_metric_idx on kpi_reports (project_id, metric, reported_at)`.execute(db);
  await sql`drop index kpi_reports_project_metric_time_idx`.execute(db);
  await sql`drop index goals_project_first_idx`.execute(db);
  await sql`drop index users_manager_idx`.execute(db);
  await sql`drop index sales_projects_owner_list_idx`.execute(db);
  await sql`drop index sales_projects_list_order_idx`.execute(db);
}
