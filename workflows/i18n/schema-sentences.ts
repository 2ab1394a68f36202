import { errors as englishErrors } from './en/errors';

/** A sentence the contract's schemas say themselves (`errors.schema`), by its key. */
export type SchemaSentenceKey = keyof typeof englishErrors.schema;

const keysByText = new Map<string, SchemaSentenceKey>(Object.entries(englishErrors.schema).map(([key, text]) => [text, key as SchemaSentenceKey]));

/**
 * The key of a schema's own sentence, by its English words (zod hands over the words, not the key):
 * the API and the web app both say it again in the reader's language through it.
 */
export const schemaSentenceKey = (message: string): SchemaSentenceKey | undefined => keysByText.get(message);
