import { useSyncExternalStore } from 'react';

// STAND-IN UNTIL SIGN-IN EXISTS: there are no accounts yet, so whoever uses the page picks the
// person they act as, and every action sends that person's id. The choice is kept in this browser
// only. When sign-in arrives, this module is replaced by the signed-in user and the switcher goes.

const storageKey = 'milepost.actingUserId';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

let current = read();

export function setActingUserId(id: string | null): void {
  current = id;
  try {
    if (id === null) localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, id);
  } catch {
    // Storage can be off (private windows); the choice then lasts until the page reloads.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== storageKey) return;
    current = read();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The id of the person the page acts as, or null when nobody is chosen yet. */
export function useActingUserId(): string | null {
  return useSyncExternalStore(subscribe, () => current);
}
