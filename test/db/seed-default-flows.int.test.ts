import { describe, expect, it } from 'vitest';
import { seedDefaultFlows } from '../../db/seed-default-flows';
import { defaultFlows } from '../../workflows/flow/default-flows';
import { useOwnDatabases } from '../support/own-databases';

const databases = useOwnDatabases('seeding');

describe('seeding the default flows', () => {
  it('publishes and binds each default flow exactly once when four replicas start together on a fresh database', async () => {
    const db = await databases.create();
    await Promise.all(Array.from({ length: 4 }, () => seedDefaultFlows(db)));
    await seedDefaultFlows(db); // and a restart later changes nothing
    const flows = await db.selectFrom('flows').select(['id', 'name']).execute();
    expect(flows.map((f) => f.name).sort()).toEqual(defaultFlows.map((d) => d.name).sort());
    const versions = await db.selectFrom('flow_versions').select('flowId').execute();
    expect(versions).toHaveLength(defaultFlows.length);
    const bindings = await db.selectFrom('flow_bindings').select(['triggerEvent', 'flowId']).where('projectId', 'is', null).execute();
    expect(bindings).toHaveLength(defaultFlows.length);
    expect(new Set(bindings.map((b) => b.flowId))).toEqual(new Set(flows.map((f) => f.id)));
  });
});
