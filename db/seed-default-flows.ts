import { sql } from 'kysely';
import type { Db } from './connect';
import { bindFlow, findFlowByName, insertFlow, listVersions, publishVersion } from './queries/flows';
import { defaultFlows } from '../workflows/flow/default-flows';
import type { FlowDocument } from '../workflows/flow/graph-schema';

function triggerEventOf(document: FlowDocument): string {
  const trigger = document.nodes.find((node) => node.kind === 'trigger');
  if (!trigger || trigger.kind !== 'trigger') throw new Error(`Default flow "${document.name}" has no trigger.`);
  return trigger.config.event;
}

/** The advisory lock that makes seeding one replica's work at a time (any number, the same on every replica). */
const SEEDING_LOCK = 7_300_120_401;

/**
 * Publishes the default flows (milestone miss escalation, plan approval, target change approval)
 * and binds each globally to its event, once: a flow of that name already there is left alone,
 * so operations staff's edits and bindings survive restarts. Replicas starting together on a
 * fresh database take turns (a transaction-scoped advisory lock): the first seeds, the others find
 * the flows there.
 */
export async function seedDefaultFlows(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEEDING_LOCK})`.execute(trx);
    for (const document of defaultFlows) {
      if (await findFlowByName(trx, document.name)) continue;
      const event = triggerEventOf(document);
      const flow = await insertFlow(trx, { name: document.name, triggerEvent: event, draft: document });
      if ((await listVersions(trx, flow.id)).length === 0) await publishVersion(trx, flow.id, document, null);
      const bound = await trx.selectFrom('flow_bindings').select('id').where('triggerEvent', '=', event).where('projectId', 'is', null).executeTakeFirst();
      if (!bound) await bindFlow(trx, { triggerEvent: event, projectId: null, flowId: flow.id });
    }
  });
}
