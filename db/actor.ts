import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is changing data right now, as the audit trail records it. The API runs each request inside
 * `asActor(...)`, the worker each activity; every transaction that writes meanwhile tells
 * PostgreSQL (`milepost.actor`, local to that transaction: db/audited-transaction.ts), and the
 * audit_row() trigger writes it beside each change.
 */
export type Actor =
  | { kind: 'user'; userId: string; detail?: string | undefined }
  | { kind: 'token'; userId: string; detail: string }
  | { kind: 'workflow'; detail: string }
  | { kind: 'system'; detail?: string | undefined };

const storage = new AsyncLocalStorage<Actor>();

export function asActor<T>(actor: Actor, run: () => T): T {
  return storage.run(actor, run);
}

export function currentActor(): Actor | undefined {
  return storage.getStore();
}

/** The value of `milepost.actor` for the current context; '' when nobody is known. */
export function actorSetting(): string {
  const actor = currentActor();
  return actor ? JSON.stringify(actor) : '';
}

/**
 * Inside an activity that carries out a person's decision (an approval, an acknowledgement, a
 * finalized review): the change is theirs. `via` says how they reached us when the API passed it
 * on (`link:<id>` for an e-mailed decision link); without it, the workflow it went through.
 */
export function onBehalfOf<T>(userId: string | null | undefined, run: () => T, via?: string): T {
  if (!userId) return run();
  const current = currentActor();
  const through = current?.kind === 'workflow' ? `workflow:${current.detail}` : current?.detail;
  return asActor({ kind: 'user', userId, detail: via ?? through }, run);
}
