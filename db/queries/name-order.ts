import { sql, type RawBuilder } from 'kysely';

/**
 * A name column in the order people read lists of names in: Chinese by pinyin, Latin letters
 * alphabetically regardless of case (the `name_order` collation, migration 20261208T0700).
 * For `orderBy`: `.orderBy(byName('u.name'))`.
 */
export const byName = (column: string): RawBuilder<string> => sql<string>`${sql.ref(column)} collate name_order`;
