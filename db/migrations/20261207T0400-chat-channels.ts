import { sql, type Kysely } from 'kysely';

/** The tables this migration adds to the audit trail (test/api/audit.int.test.ts reads it beside the first list). */
export const auditedTables: Record<string, { idColumns: string[] }> = {
  chat_channels: { idColumns: ['id'] },
};

/** Tables of this migration left out of the audit trail, and why (the audit test reads it). */
export const unauditedTables: Record<string, string> = {
  chat_channel_secrets: 'sealed webhook addresses and signing secrets; a change shows in the trail as chat_channels.secrets_changed_at',
  chat_deliveries: 'delivery bookkeeping of the worker, like inbox items; each attempt is kept on the row',
};

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A chat tool an admin connected once (a WeCom group robot, a DingTalk or Feishu custom robot,
  // a Slack incoming webhook); notify steps and people pick it by id.
  await db.schema
    .createTable('chat_channels')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('platform', 'text', (c) => c.notNull().check(sql`platform in ('wecom', 'dingtalk', 'feishu', 'slack')`))
    .addColumn('has_secret', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('secrets_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create trigger audit_row after insert or update or delete on chat_channels for each row execute function audit_row('id')`.execute(db);

  // The webhook address (it carries the robot's token) and the signing secret, sealed with
  // AES-256-GCM (activities/chat/secret-box.ts); apart, so the audit trail never copies them.
  await db.schema
    .createTable('chat_channel_secrets')
    .addColumn('channel_id', 'uuid', (c) => c.primaryKey().references('chat_channels.id').onDelete('cascade'))
    .addColumn('webhook_url_sealed', 'text', (c) => c.notNull())
    .addColumn('secret_sealed', 'text')
    .execute();

  // One message to one chat channel, written with the inbox copy and sent by its own activity:
  // `status` says whether the receiver accepted it, so a retry never sends an accepted one again.
  await db.schema
    .createTable('chat_deliveries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('channel_id', 'uuid', (c) => c.notNull().references('chat_channels.id').onDelete('cascade'))
    .addColumn('flow_run_id', 'uuid', (c) => c.references('flow_runs.id').onDelete('cascade'))
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('message', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'delivered', 'failed')`))
    .addColumn('attempts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('delivered_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('chat_deliveries_run_step_idx').on('chat_deliveries').columns(['flow_run_id', 'step_key']).execute();

  // A person's own choice: what reaches them also goes to this channel (a step's channel wins).
  await db.schema.alterTable('users').addColumn('chat_channel_id', 'uuid', (c) => c.references('chat_channels.id').onDelete('set null')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('chat_channel_id').execute();
  await db.schema.dropTable('chat_deliveries').execute();
  await db.schema.dropTable('chat_channel_secrets').execute();
  await db.schema.dropTable('chat_channels').execute();
}
