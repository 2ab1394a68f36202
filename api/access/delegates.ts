import type { Db } from '../../db/connect';
import { listDecidersWithRelation } from '../../db/queries/delegates';
import type { ApprovalRequest } from '../../db/schema';
import { accessFrom } from './project-access';

/**
 * Who may take a request over: active people, other than whoever has it (and whom it stands for),
 * who decide with their role and may read its project — as they would need to, to judge it.
 */
export async function delegateCandidates(db: Db, request: Pick<ApprovalRequest, 'projectId' | 'approverId' | 'onBehalfOfId'>): Promise<{ id: string; name: string }[]> {
  const people = await listDecidersWithRelation(db, request.projectId);
  return people
    .filter((p) => p.id !== request.approverId && p.id !== request.onBehalfOfId && accessFrom({ userId: p.id, role: p.role }, p) !== undefined)
    .map((p) => ({ id: p.id, name: p.name }));
}
