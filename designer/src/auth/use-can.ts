import type { SessionResponse } from '../../../api/contract/auth';
import { useSession } from './session-store';

export type Ability = keyof SessionResponse['can'];

/** Whether the server says the signed-in person's role may do `ability`; the page decides nothing itself. */
export function useCan(ability: Ability): boolean {
  return useSession().can[ability];
}
