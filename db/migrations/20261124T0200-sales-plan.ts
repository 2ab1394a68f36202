import { sql, type Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The lifecycle phase lives with the project, so the API can refuse plan edits outside planning.
  await db.schema
    .alterTable('sales_projects')
    .addColumn('phase', 'text', (c) => c.notNull().defaultTo('planning'))
    .addColumn('calendar', 'jsonb')
    // numeric: fractions of a day are allowed (a review every 0.5 days; short windows in tests).
    .addColumn('review_every_days', 'numeric', (c) => c.notNull().defaultTo(7))
    .addColumn('monitoring_days', 'numeric', (c) => c.notNull().defaultTo(7))
    .addColumn('closed_reason', 'text')
    .execute();
  // Projects started before phases existed were already running their sales period.
  await sql`update sales_projects set phase = case when status = 'closed' then 'closed' else 'execution' end`.execute(db);
  await sql`update sales_projects set closed_reason = 'completed' where status = 'closed'`.execute(db);
  await sql`
    alter table sales_projects
      add constraint sales_projects_phase check (phase in ('planning', 'execution', 'monitoring', 'closing_review', 'closed')),
      add constraint sales_projects_closed_reason check (closed_reason in ('completed', 'won', 'lost', 'cancelled')),
      add constraint sales_projects_review_every_days check (review_every_days > 0),
      add constraint sales_projects_monitoring_days check (monitoring_days >= 0)`.execute(db);

  await db.schema
    .createTable('goals')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('custom_name', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().defaultTo('at_least'))
    .addColumn('baseline', 'numeric')
    .addColumn('target', 'numeric', (c) => c.notNull())
    .addColumn('period_start', 'timestamptz', (c) => c.notNull())
    .addColumn('period_end', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'goals_metric',
      sql`metric in ('revenue', 'new_customers', 'market_share', 'customer_satisfaction', 'repurchase_rate', 'call_connection_rate', 'custom')`,
    )
    .addCheckConstraint('goals_custom_name', sql`(metric = 'custom') = (custom_name is not null)`)
    .addCheckConstraint('goals_direction', sql`direction in ('at_least', 'at_most')`)
    .addCheckConstraint('goals_period', sql`period_end > period_start`)
    .execute();
  await db.schema.createIndex('goals_project_idx').on('goals').column('project_id').execute();

  await db.schema
    .alterTable('milestones')
    .addColumn('goal_id', 'uuid', (c) => c.references('goals.id').onDelete('set null'))
    .addColumn('team_id', 'uuid', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('target_kind', 'text', (c) => c.notNull().defaultTo('cumulative'))
    .addColumn('period_start', 'timestamptz')
    .addColumn('warning_offset', 'jsonb')
    .addColumn('warning_threshold_pct', 'numeric', (c) => c.notNull().defaultTo(80))
    .addColumn('warned_at', 'timestamptz')
    .execute();
  await sql`
    alter table milestones
      add constraint milestones_target_kind check (target_kind in ('cumulative', 'period')),
      add constraint milestones_warning_threshold_pct check (warning_threshold_pct >= 0 and warning_threshold_pct <= 100)`.execute(db);
  await db.schema.createIndex('milestones_goal_idx').on('milestones').column('goal_id').execute();

  await db.schema
    .createTable('project_members')
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_members_pkey', ['project_id', 'user_id'])
    .addCheckConstraint('project_members_role', sql`role in ('owner', 'member', 'viewer')`)
    .execute();
  await db.schema.createIndex('project_members_user_idx').on('project_members').column('user_id').execute();

  await db.schema
    .createTable('budget_lines')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('planned', 'numeric', (c) => c.notNull())
    .addColumn('spent', 'numeric', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('budget_lines_planned', sql`planned >= 0`)
    .addCheckConstraint('budget_lines_spent', sql`spent >= 0`)
    .execute();
  await db.schema.createIndex('budget_lines_project_idx').on('budget_lines').column('project_id').execute();

  await db.schema
    .createTable('risks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('probability', 'integer', (c) => c.notNull())
    .addColumn('impact', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.generatedAlwaysAs(sql`probability * impact`).stored().notNull())
    .addColumn('owner_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('mitigation', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('early_warning', 'jsonb')
    .addColumn('raised_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('risks_probability', sql`probability between 1 and 5`)
    .addCheckConstraint('risks_impact', sql`impact between 1 and 5`)
    .addCheckConstraint('risks_status', sql`status in ('open', 'mitigated', 'materialised', 'closed')`)
    .execute();
  await db.schema.createIndex('risks_project_idx').on('risks').column('project_id').execute();

  await db.schema
    .createTable('change_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('sales_projects.id').onDelete('cascade'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'uuid', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb', (c) => c.notNull())
    .addColumn('after', 'jsonb', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('change_requests_subject_kind', sql`subject_kind in ('milestone', 'goal')`)
    .addCheckConstraint('change_requests_field', sql`field in ('target', 'due_at')`)
    .addCheckConstraint('change_requests_status', sql`status in ('pending', 'approved', 'rejected')`)
    .execute();
  await db.schema.createIndex('change_requests_project_idx').on('change_requests').columns(['project_id', 'status']).execute();

  // The monthly ranking sums each member's reports of a metric over a month.
  await db.schema
    .createIndex('kpi_reports_project_reporter_idx')
    .on('kpi_reports')
    .columns(['project_id', 'reporter_id', 'metric', 'reported_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('kpi_reports_project_reporter_idx').execute();
  for (const table of ['change_requests', 'risks', 'budget_lines', 'project_members']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema
    .alterTable('milestones')
    .dropColumn('goal_id')
    .dropColumn('team_id')
    .dropColumn('target_kind')
    .dropColumn('period_start')
    .dropColumn('warning_offset')
    .dropColumn('warning_threshold_pct')
    .dropColumn('warned_at')
    .execute();
  await db.schema.dropTable('goals').execute();
  await db.schema
    .alterTable('sales_projects')
    .dropColumn('phase')
    .dropColumn('calendar')
    .dropColumn('review_every_days')
    .dropColumn('monitoring_days')
    .dropColumn('closed_reason')
    .execute();
}
