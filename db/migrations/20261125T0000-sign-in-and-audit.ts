import { sql, type Kysely } from 'kysely';

/**
 * Who is asking (roles, passwords, sessions, API tokens, e-mail decision links) and what they
 * changed (an append-only audit trail written by triggers, so no change can skip it).
 */

/** Business tables and where each finds its project: a column, or a parent table through a key. */
export const auditedTables: Record<string, { idColumns: string[]; project?: string | [table: string, key: string] }> = {
  users: { idColumns: ['id'] },
  user_roles: { idColumns: ['user_id', 'role'] },
  teams: { idColumns: ['id'] },
  team_members: { idColumns: ['team_id', 'user_id'] },
  api_tokens: { idColumns: ['id'] },
  sales_projects: { idColumns: ['id'], project: 'id' },
  project_members: { idColumns: ['project_id', 'user_id'], project: 'project_id' },
  goals: { idColumns: ['id'], project: 'project_id' },
  milestones: { idColumns: ['id'], project: 'project_id' },
  kpi_reports: { idColumns: ['id'], project: 'project_id' },
  tasks: { idColumns: ['id'], project: 'project_id' },
  budget_lines: { idColumns: ['id'], project: 'project_id' },
  risks: { idColumns: ['id'], project: 'project_id' },
  change_requests: { idColumns: ['id'], project: 'project_id' },
  escalations: { idColumns: ['id'], project: 'project_id' },
  flows: { idColumns: ['id'] },
  flow_versions: { idColumns: ['id'] },
  flow_bindings: { idColumns: ['id'], project: 'project_id' },
  flow_runs: { idColumns: ['id'], project: 'project_id' },
  approval_requests: { idColumns: ['id'], project: 'project_id' },
  retrospectives: { idColumns: ['id'], project: 'project_id' },
  retrospective_inputs: { idColumns: ['id'], project: ['retrospectives', 'retrospective_id'] },
};

/**
 * Tables left out of the trail, each for a reason: they are the trail itself, machine bookkeeping,
 * secrets, or output that is already a log of something audited elsewhere.
 */
export const unauditedTables: Record<string, string> = {
  audit_events: 'the trail itself',
  sessions: 'sign-in bookkeeping; sign-in and sign-out are not changes to business data',
  login_failures: 'rate-limit bookkeeping',
  decision_links: 'a link only carries a decision; the decision itself is audited on its request',
  inbox_items: 'notifications are output of audited changes, not changes of their own',
  project_events: 'already an event log written beside audited changes',
  kysely_migration: 'schema bookkeeping',
  kysely_migration_lock: 'schema bookkeeping',
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('member').check(sql`role in ('admin', 'ops', 'manager', 'member', 'viewer')`))
    .addColumn('password_hash', 'text')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'ops', 'manager', 'member', 'viewer')`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('login_failures_key_idx').on('login_failures').columns(['key', 'failed_at']).execute();

  await db.schema
    .createTable('decision_links')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('target_kind', 'text', (c) => c.notNull().check(sql`target_kind in ('approval', 'escalation')`))
    .addColumn('target_id', 'uuid', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('approve', 'reject', 'acknowledge')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('decision_links_target_idx').on('decision_links').columns(['target_kind', 'target_id']).execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_detail', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'uuid')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  await db.schema.createIndex('audit_events_project_idx').on('audit_events').columns(['project_id', 'at']).execute();
  await db.schema.createIndex('audit_events_actor_idx').on('audit_events').columns(['actor_user_id', 'at']).execute();
  await db.schema.createIndex('audit_events_at_idx').on('audit_events').column('at').execute();

  // The trail is append-only: no statement may change or remove what it says.
  await sql`
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`create trigger audit_events_append_only before update or delete on audit_events for each row execute function audit_events_append_only()`.execute(db);
  await sql`create trigger audit_events_no_truncate before truncate on audit_events for each statement execute function audit_events_append_only()`.execute(db);

  // One row per changed row, in the changing transaction. The actor is what the connection was
  // told (db/actor.ts sets milepost.actor per checkout); secrets never reach the trail.
  // Arguments: the key columns joined by commas, then the project column, or a parent table and key.
  await sql`
    create function audit_row() returns trigger language plpgsql as $$
    declare
      old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
      new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
      subject jsonb;
      secret text;
      actor jsonb := nullif(current_setting('milepost.actor', true), '')::jsonb;
      key_columns text[] := string_to_array(tg_argv[0], ',');
      entity_key text;
      project uuid;
    begin
      -- A secret shows only as 'set' (or 'changed' on the row after), never its value.
      foreach secret in array array['password_hash', 'token_hash'] loop
        if new_row ? secret then
          new_row := new_row || jsonb_build_object(secret, case
            when new_row -> secret = 'null'::jsonb then null
            when old_row is not null and old_row -> secret is distinct from new_row -> secret then 'changed'
            else 'set' end);
        end if;
        if old_row ? secret then
          old_row := old_row || jsonb_build_object(secret, case when old_row -> secret = 'null'::jsonb then null else 'set' end);
        end if;
      end loop;
      subject := coalesce(new_row, old_row);
      -- Touching a token's last use is bookkeeping, not a change.
      if tg_op = 'UPDATE' and old_row - 'last_used_at' = new_row - 'last_used_at' then
        return null;
      end if;
      select string_agg(subject ->> k, ':') into entity_key from unnest(key_columns) as k;
      if tg_nargs = 2 then
        project := (subject ->> tg_argv[1])::uuid;
      elsif tg_nargs = 3 then
        execute format('select project_id from %I where id = $1', tg_argv[1]) into project using (subject ->> tg_argv[2])::uuid;
      end if;
      insert into audit_events (actor_kind, actor_user_id, actor_detail, action, entity, entity_id, project_id, before, after)
      values (
        coalesce(actor ->> 'kind', 'system'),
        (actor ->> 'userId')::uuid,
        actor ->> 'detail',
        lower(tg_op),
        tg_table_name,
        entity_key,
        project,
        old_row,
        new_row
      );
      return null;
    end $$`.execute(db);

  for (const [table, { idColumns, project }] of Object.entries(auditedTables)) {
    const args = [idColumns.join(','), ...(project === undefined ? [] : typeof project === 'string' ? [project] : project)];
    await sql`create trigger audit_row after insert or update or delete on ${sql.table(table)} for each row execute function audit_row(${sql.join(args.map((a) => sql.lit(a)))})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of Object.keys(auditedTables)) {
    await sql`drop trigger if exists audit_row on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists audit_row()`.execute(db);
  for (const table of ['audit_events', 'decision_links', 'login_failures', 'api_tokens', 'sessions']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function if exists audit_events_append_only()`.execute(db);
  await db.schema.alterTable('users').dropColumn('role').dropColumn('password_hash').execute();
}
