import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomSecret } from '../../db/queries/auth';

export const minSecretLength = 32;

export interface LinkSecret {
  secret: string;
  /** Where it came from, for the start log (never the secret itself). */
  source: 'MILEPOST_SECRET' | 'generated' | 'file';
  file?: string;
}

/**
 * The key that signs e-mail decision links. MILEPOST_SECRET when set (config.ts has checked its
 * length). Otherwise, only for the embedded database, one generated once and kept in
 * `<dataDir>/secret` (mode 0600) beside the data it protects, so links already sent keep working
 * after a restart. A deployment on its own database (DATABASE_URL) must set MILEPOST_SECRET: a
 * file on one machine would not be the key of the others, and secrets come from the environment.
 */
export async function resolveLinkSecret(input: { envSecret: string | undefined; dataDir: string; embeddedDatabase: boolean }): Promise<LinkSecret> {
  if (input.envSecret) return { secret: input.envSecret, source: 'MILEPOST_SECRET' };
  if (!input.embeddedDatabase) {
    throw new Error(`MILEPOST_SECRET is not set. With DATABASE_URL, set it to a random value of at least ${minSecretLength} characters (e.g. \`openssl rand -base64 48\`); it signs the decision links in e-mails.`);
  }
  const file = path.join(input.dataDir, 'secret');
  const existing = await readSecretFile(file);
  if (existing !== undefined) return { secret: existing, source: 'file', file };
  await mkdir(input.dataDir, { recursive: true });
  try {
    await writeFile(file, `${randomSecret(48)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Read back what is on disk: if another start won the race, its secret is the one to use.
  const written = await readSecretFile(file);
  if (written === undefined) throw new Error(`Could not keep the generated secret in ${file}.`);
  return { secret: written, source: 'generated', file };
}

async function readSecretFile(file: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const secret = text.trim();
  if (secret.length < minSecretLength) {
    throw new Error(`${file} holds a secret shorter than ${minSecretLength} characters. Delete the file to have a new one generated (links already sent stop working), or set MILEPOST_SECRET.`);
  }
  await chmod(file, 0o600); // nobody but Milepost's user reads it, even if it was copied in looser
  return secret;
}
