import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are stored as argon2id PHC strings (OWASP's minimum: 19 MiB, 2 passes); the library's
 * defaults are those. A failed verification of a malformed hash counts as a wrong password.
 */
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the account does not exist keeps both answers equally slow. */
export const dummyHash = '$argon2id$v=19$m=19456,t=2,p=1$22e5qKBwixlfYLrxTLhCjQ$myJoTB4Dtukrialuopwo8q0sLUBHzwVX0IXjuESn/L8';
