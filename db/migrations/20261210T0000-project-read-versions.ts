import { sql, type Kysely } from 'kysely';

/** Bookkeeping for the API's project page cache, not business data (test/api/audit.int.test.ts reads it). */
export const unauditedTables: Record<string, string> = {
  project_read_versions: "a counter per project that grows with every change to what its page shows; the API's page cache compares it",
  org_chart_version: 'a counter that grows with every change to who reports to whom; the page cache compares it',
};

/** The tables a project's page is read from, and the column naming its project. */
const pageTables = [
  { table: 'sales_projects', project: 'id' },
  { table: 'milestones', project: 'project_id' },
  { table: 'escalations', project: 'project_id' },
  // An escalation's stand-in is the approver of a pending request on behalf of its recipient.
  { table: 'approval_requests', project: 'project_id' },
  { table: 'project_lifecycles', project: 'project_id' },
  { table: 'retrospectives', project: 'project_id' },
  { table: 'project_members', project: 'project_id' },
] as const;

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // No foreign key: a removed project's counter grows once more (so a cached page of it is stale)
  // and stays behind, a few bytes.
  await sql`create table project_read_versions (project_id uuid primary key, version bigint not null)`.execute(db);
  await sql`insert into project_read_versions (project_id, version) select id, 1 from sales_projects`.execute(db);
  await sql`create table org_chart_version (singleton boolean primary key default true check (singleton), version bigint not null)`.execute(db);
  await sql`insert into org_chart_version (version) values (1)`.execute(db);

  // The counters grow at commit, in the changing transaction (deferred constraint triggers): a
  // reader that sees the change sees the new count, and the counter's row is locked only for the
  // end of the commit, after every other lock the transaction takes, so it adds no wait between
  // two transactions writing the same project's rows.
  await sql`
    create function bump_project_read_version() returns trigger language plpgsql as $$
    declare
      before uuid := (to_jsonb(old) ->> tg_argv[0])::uuid;
      after uuid := (to_jsonb(new) ->> tg_argv[0])::uuid;
    begin
      if before is not null then
        insert into project_read_versions (project_id, version) values (before, 1)
        on conflict (project_id) do update set version = project_read_versions.version + 1;
      end if;
      if after is not null and after is distinct from before then
        insert into project_read_versions (project_id, version) values (after, 1)
        on conflict (project_id) do update set version = project_read_versions.version + 1;
      end if;
      return null;
    end $$`.execute(db);
  for (const { table, project } of pageTables) {
    await sql`create constraint trigger bump_project_read_version after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred for each row execute function bump_project_read_version(${sql.lit(project)})`.execute(db);
  }
  await sql`
    create function bump_org_chart_version() returns trigger language plpgsql as $$
    begin
      update org_chart_version set version = version + 1;
      return null;
    end $$`.execute(db);
  // Who manages whom decides who may read a project (its people's managers up the chart).
  await sql`create constraint trigger bump_org_chart_version after insert or delete or update of manager_id on users
    deferrable initially deferred for each row execute function bump_org_chart_version()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists bump_org_chart_version on users`.execute(db);
  for (const { table } of pageTables) await sql`drop trigger if exists bump_project_read_version on ${sql.table(table)}`.execute(db);
  await sql`drop function if exists bump_org_chart_version()`.execute(db);
  await sql`drop function if exists bump_project_read_version()`.execute(db);
  await sql`drop table if exists org_chart_version`.execute(db);
  await sql`drop table if exists project_read_versions`.execute(db);
}
