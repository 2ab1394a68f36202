import type { Db } from './connect';
import { bindFlow, findFlowByName, insertFlow, listVersions, publishVersion } from './queries/flows';
import { defaultFlows } from '../workflows/flow/default-flows';
import type { FlowDocument } from '../workflows/flow/graph-schema';

function triggerEventOf(document: FlowDocument): string {
  const trigger = document.nodes.find((node) => node.kind === 'trigger');
  if (!trigger || trigger.kind !== 'trigger') throw new Error(`Default flow "${document.name}" has no trigger.`);
  return trigger.config.event;
}

/**
 * Publishes the default flows (milestone miss escalation, plan approval, target change approval)
 * and binds each globally to its event, once: a flow of that name already there is left alone,
 * so operations staff's edits and bindings survive restarts.
 */
export async function seedDefaultFlows(db: Db): Promise<void> {
  for (const document of defaultFlows) {
    if (await findFlowByName(db, document.name)) continue;
    const event = triggerEventOf(document);
    const flow = await insertFlow(db, { name: document.name, triggerEvent: event, draft: document });
    if ((await listVersions(db, flow.id)).length === 0) await publishVersion(db, flow.id, document, null);
    const bound = await db.selectFrom('flow_bindings').select('id').where('triggerEvent', '=', event).where('projectId', 'is', null).executeTakeFirst();
    if (!bound) await bindFlow(db, { triggerEvent: event, projectId: null, flowId: flow.id });
  }
}
