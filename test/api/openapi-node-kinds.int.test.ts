import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodeComponentName } from '../../api/contract/flow-nodes';
import { nodeCatalog, nodeDef, nodeKinds } from '../../workflows/flow/catalog';
import { defaultFlows, milestoneMissEscalationFlow } from '../../workflows/flow/default-flows';
import { call } from '../support/http';
import { openApiSchemas } from '../support/openapi-schemas';
import { useSystem } from '../support/system';

const system = useSystem({ worker: false });

type Schema = { description?: string; properties?: Record<string, Schema>; required?: string[]; oneOf?: ({ $ref: string } & Schema)[]; discriminator?: { propertyName: string; mapping: Record<string, string> }; 'x-ports'?: { id: string; label: string; required: boolean }[] };

/** The field names a config schema takes: an object's, or all of its variants' for a union. */
function zodFields(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion) return [...new Set(schema.options.flatMap((option) => zodFields(option as z.ZodType)))];
  throw new Error(`A config schema of another shape: ${schema.type}`);
}
const publishedFields = (schema: Schema): string[] => [...new Set([...Object.keys(schema.properties ?? {}), ...(schema.oneOf ?? []).flatMap(publishedFields)])];

let doc: { components: { schemas: Record<string, Schema> } };
let check: ReturnType<typeof openApiSchemas>;
const draftBody = '#/components/schemas/NewFlow';

beforeAll(async () => {
  doc = (await call(system.app, 'GET', '/api/openapi.json')).body;
  check = openApiSchemas(doc);
});

describe('the node kinds in the published description', () => {
  it('lists every kind of the catalog as one variant of FlowNode, told apart by kind', () => {
    const union = doc.components.schemas.FlowNode!;
    const ref = (kind: string) => `#/components/schemas/${nodeComponentName(kind)}`;
    expect(union.oneOf).toEqual(nodeKinds.map((kind) => ({ $ref: ref(kind) })));
    expect(union.discriminator).toEqual({ propertyName: 'kind', mapping: Object.fromEntries(nodeKinds.map((kind) => [kind, ref(kind)])) });
    const draftNodes = doc.components.schemas.NewFlow!.properties!.draft!.properties!.nodes as { items: unknown };
    expect(draftNodes.items).toEqual({ $ref: '#/components/schemas/FlowNode' });
  });

  it.each(nodeKinds)('describes %s with its config fields, its label and help, and its output ports', (kind) => {
    const def = nodeDef(kind);
    const schema = doc.components.schemas[nodeComponentName(kind)]!;
    const fields = zodFields(nodeCatalog[kind].config);
    expect(publishedFields(schema.properties!.config!).sort()).toEqual(fields.sort());
    expect(schema.description).toContain(def.label);
    expect(schema.description).toContain(def.help);
    const ports = def.outputs(def.defaults);
    expect(schema['x-ports']).toEqual(ports.map(({ id, label, required }) => ({ id, label, required })));
    for (const port of ports) expect(schema.description).toContain(`\`${port.id}\``);
    if (def.portsNote) expect(schema.description).toContain(def.portsNote);
  });

  it('takes every default flow as a valid draft, and refuses a config its kind does not take', () => {
    for (const flow of defaultFlows) expect(check(draftBody, { draft: flow }), flow.name).toEqual([]);
    const [first, ...rest] = milestoneMissEscalationFlow.nodes;
    const unknownKind = { ...milestoneMissEscalationFlow, nodes: [{ ...first!, kind: 'teleport' }, ...rest] };
    const foreignConfig = { ...milestoneMissEscalationFlow, nodes: [{ ...first!, config: { event: 'milestone_missed', subject: 'not a trigger field' } }, ...rest] };
    expect(check(draftBody, { draft: unknownKind })).not.toEqual([]);
    expect(check(draftBody, { draft: foreignConfig })).not.toEqual([]);
  });

  it('still saves a draft with an unfinished node: the description guides clients, the server takes what it took', async () => {
    const [first, ...rest] = milestoneMissEscalationFlow.nodes;
    const unfinished = { ...milestoneMissEscalationFlow, name: 'Unfinished', nodes: [...rest, { ...first!, kind: 'teleport', config: {} }] };
    const res = await call(system.app, 'POST', '/api/flows', { draft: unfinished });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.diagnostics.length).toBeGreaterThan(0);
  });
});

describe('the business rules a client needs, in the description', () => {
  it('says a KPI report counts toward a goal when its metric equals the goal’s kpiMetric', () => {
    const { Goal, NewKpiReport, KpiImport } = doc.components.schemas;
    for (const description of [Goal!.properties!.kpiMetric!.description, NewKpiReport!.properties!.metric!.description, KpiImport!.description]) {
      expect(description).toContain("counts toward a goal when its `metric` equals the goal's `kpiMetric`");
    }
  });

  it('says quarters are calendar quarters in the calendar’s time zone', () => {
    const { Decomposition, ApplyDecomposition, DecompositionPreview } = doc.components.schemas;
    for (const schema of [Decomposition, ApplyDecomposition, DecompositionPreview]) {
      expect(schema!.properties!.granularity!.description).toMatch(/calendar quarters .* in `timeZone`, the project calendar's zone unless given/);
    }
  });
});
