import { sql, type Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // People rules in flows resolve against roles, teams and who is still active.
  await db.schema.alterTable('users').addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true)).execute();
  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pkey', ['user_id', 'role'])
    .execute();
  await db.schema.createIndex('user_roles_role_idx').on('user_roles').column('role').execute();
  await db.schema
    .createTable('teams')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'uuid', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_members_pkey', ['team_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('flows')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('trigger_event', 'text', (c) => c.notNull())
    .addColumn('draft', 'jsonb', (c) => c.notNull())
    .addColumn('draft_updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('flow_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('flow_id', 'uuid', (c) => c.notNull().references('flows.id').onDelete('restrict'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_by', 'uuid', (c) => c.references('users.id'))
    .addUniqueConstraint('flow_versions_flow_version_key', ['flow_id', 'version'])
    .execute();
  // Published versions are immutable: the database itself refuses to change or delete one.
  await sql`
    create function flow_versions_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'flow version % of flow % is published and cannot be changed', old.version, old.flow_id
        using errcode = 'check_violation';
    end $$`.execute(db);
  await sql`
    create trigger flow_versions_immutable before update or delete on flow_versions
    for each row execute function flow_versions_immutable()`.execute(db);

  // Which flow runs when an event happens: per project first, else the global binding.
  await db.schema
    .createTable('flow_bindings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('trigger_event', 'text', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.references('sales_projects.id').onDelete('cascade'))
    .addColumn('flow_id', 'uuid', (c) => c.notNull().references('flows.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index flow_bindings_scope_key on flow_bindings (trigger_event, coalesce(project_id, '00000000-0000-0000-0000-000000000000'::uuid))`.execute(db);

  await db.schema
    .createTable('flow_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('flow_version_id', 'uuid', (c) => c.notNull().references('flow_versions.id'))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('trigger_event', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('workflow_id', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('running'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('ended_at', 'timestamptz')
    .addCheckConstraint('flow_runs_status', sql`status in ('running', 'completed', 'failed', 'cancelled')`)
    .execute();
  await db.schema.createIndex('flow_runs_project_idx').on('flow_runs').column('project_id').execute();

  // Human steps of flows: who must decide what, by when, and what they decided.
  await db.schema
    .createTable('approval_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('flow_run_id', 'uuid', (c) => c.notNull().references('flow_runs.id').onDelete('cascade'))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('approver_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('comment', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('approval_requests_kind', sql`kind in ('approval', 'acknowledgement')`)
    .addCheckConstraint(
      'approval_requests_status',
      sql`status in ('pending', 'approved', 'rejected', 'acknowledged', 'timed_out', 'delegated', 'cancelled')`,
    )
    .execute();
  await db.schema.createIndex('approval_requests_approver_idx').on('approval_requests').columns(['approver_id', 'status']).execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('milestone_id', 'uuid', (c) => c.references('milestones.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('due_at', 'timestamptz')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('tasks_status', sql`status in ('open', 'in_progress', 'done', 'cancelled')`)
    .execute();
  await db.schema.createIndex('tasks_project_idx').on('tasks').column('project_id').execute();

  // Escalations are now raised by flow runs; the acknowledgement timeout lives in the flow.
  await db.schema
    .alterTable('escalations')
    .addColumn('flow_run_id', 'uuid', (c) => c.references('flow_runs.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('sales_projects').dropColumn('escalation_ack_timeout_seconds').execute();
  await db.schema
    .alterTable('sales_projects')
    .addColumn('health', 'text')
    .addColumn('health_reason', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('escalations').dropColumn('flow_run_id').execute();
  for (const table of ['tasks', 'approval_requests', 'flow_runs', 'flow_bindings', 'flow_versions', 'flows', 'team_members', 'teams', 'user_roles']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function if exists flow_versions_immutable()`.execute(db);
  await db.schema
    .alterTable('sales_projects')
    .dropColumn('health')
    .dropColumn('health_reason')
    .addColumn('escalation_ack_timeout_seconds', 'integer', (c) => c.notNull().defaultTo(172800))
    .execute();
  await db.schema.alterTable('users').dropColumn('active').execute();
}
