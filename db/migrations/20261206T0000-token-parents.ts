import type { Kysely } from 'kysely';

// Frozen in time: later changes go into new migrations, never here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The token a token was made with, so revoking a token revokes every token it made.
  await db.schema
    .alterTable('api_tokens')
    .addColumn('parent_token_id', 'uuid', (col) => col.references('api_tokens.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('api_tokens_parent_token_id_idx').on('api_tokens').column('parent_token_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('parent_token_id').execute();
}
