import { sql, type Kysely } from 'kysely';

/** The tables the project list reads besides a project page's, and the column naming their project. */
const listTables = [
  { table: 'goals', project: 'project_id' },
  { table: 'kpi_reports', project: 'project_id' },
] as const;

/**
 * The trigger function that grows a project's counter (the one of 20261210T0000-project-read-versions),
 * `stamped` with the transaction that grows it or, to go back down, as that migration made it.
 */
function bumpProjectReadVersion({ stamped }: { stamped: boolean }) {
  const grow = (project: string) =>
    stamped
      ? `insert into project_read_versions (project_id, version, changed_by) values (${project}, 1, pg_current_xact_id())
         on conflict (project_id) do update set version = project_read_versions.version + 1, changed_by = excluded.changed_by;`
      : `insert into project_read_versions (project_id, version) values (${project}, 1)
         on conflict (project_id) do update set version = project_read_versions.version + 1;`;
  return sql.raw(`
    create or replace function bump_project_read_version() returns trigger language plpgsql as $$
    declare
      before uuid := (to_jsonb(old) ->> tg_argv[0])::uuid;
      after uuid := (to_jsonb(new) ->> tg_argv[0])::uuid;
    begin
      if before is not null then ${grow('before')} end if;
      if after is not null and after is distinct from before then ${grow('after')} end if;
      return null;
    end $$`);
}

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Which transaction last grew a project's counter: an API process keeping list pages asks "did
  // any transaction that my snapshot did not see commit a change since?" with one index range scan
  // (api/project-list-pages.ts). A transaction id, not a number taken from a sequence: numbers are
  // taken before commit and can become visible out of order, transaction ids are checked against
  // the snapshot itself.
  await sql`alter table project_read_versions add column changed_by xid8`.execute(db);
  await sql`create index project_read_versions_changed_by_idx on project_read_versions (changed_by)`.execute(db);
  await bumpProjectReadVersion({ stamped: true }).execute(db);
  // The list shows each project's first goal and its KPI figure.
  for (const { table, project } of listTables) {
    await sql`create constraint trigger bump_project_read_version after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred for each row execute function bump_project_read_version(${sql.lit(project)})`.execute(db);
  }
  // And each project's owner by name.
  await sql`create constraint trigger bump_org_chart_version_on_rename after update of name on users
    deferrable initially deferred for each row when (old.name is distinct from new.name) execute function bump_org_chart_version()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists bump_org_chart_version_on_rename on users`.execute(db);
  for (const { table } of listTables) await sql`drop trigger if exists bump_project_read_version on ${sql.table(table)}`.execute(db);
  await bumpProjectReadVersion({ stamped: false }).execute(db);
  await sql`drop index if exists project_read_versions_changed_by_idx`.execute(db);
  await sql`alter table project_read_versions drop column if exists changed_by`.execute(db);
}
