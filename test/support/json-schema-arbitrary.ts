import fc from 'fast-check';

/**
 * Values a JSON Schema describes, as a fast-check arbitrary: the subset the published OpenAPI
 * description uses (object/properties/required, string formats and bounds, enum/const, numbers
 * with bounds, booleans, arrays, oneOf/anyOf, nullable type lists, `$ref` into the document).
 * Generated values aim at the schema; they are not always inside it (a pattern and a format on
 * one string, refinements the schema cannot say), which is fine for bodies sent to the server.
 */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  additionalProperties?: boolean | JsonSchema;
};

/** Recursive schemas (a JSON Logic rule) stop growing this deep. */
const maxDepth = 4;
/** Long strings and arrays say little more than short ones and slow every request down. */
const maxGenerated = 12;

/** `knownIds`: ids of things that exist, drawn as often as random ones so bodies also get past "no such thing". */
export function jsonSchemaArbitrary(root: object, schema: JsonSchema, { knownIds = [] }: { knownIds?: readonly string[] } = {}): fc.Arbitrary<unknown> {
  const resolve = (ref: string): JsonSchema => {
    if (!ref.startsWith('#/')) throw new Error(`Only local references: ${ref}`);
    let at: unknown = root;
    for (const part of ref.slice(2).split('/')) at = (at as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (at === undefined) throw new Error(`Nothing at ${ref}`);
    return at as JsonSchema;
  };
  const leafy = (s: JsonSchema) => !s.$ref && s.type !== 'object' && s.type !== 'array' && !s.oneOf && !s.anyOf;

  const of = (s: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    if (s.$ref) return of({ ...resolve(s.$ref), ...withoutRef(s) }, depth + 1);
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const choices = s.oneOf ?? s.anyOf;
    if (choices) {
      const usable = depth >= maxDepth && choices.some(leafy) ? choices.filter(leafy) : choices;
      return fc.oneof(...usable.map((choice) => of({ ...withoutChoices(s), ...choice }, depth + 1)));
    }
    if (s.allOf) return of(s.allOf.reduce<JsonSchema>((all, part) => ({ ...all, ...(part.$ref ? resolve(part.$ref) : part) }), withoutAllOf(s)), depth + 1);
    if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => of({ ...s, type }, depth)));
    switch (s.type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.integer({ min: lower(s) ?? -1_000_000, max: upper(s) ?? 1_000_000 });
      case 'number':
        return fc.double({ min: lower(s) ?? -1e9, max: upper(s) ?? 1e9, noNaN: true, noDefaultInfinity: true });
      case 'string':
        return s.format === 'uuid' && knownIds.length > 0 ? fc.oneof(fc.constantFrom(...knownIds), stringOf(s)) : stringOf(s);
      case 'array': {
        const minLength = s.minItems ?? 0;
        const maxLength = depth >= maxDepth ? minLength : Math.max(minLength, Math.min(s.maxItems ?? 3, 3));
        return fc.array(s.items ? of(s.items, depth + 1) : fc.jsonValue({ maxDepth: 1 }), { minLength, maxLength });
      }
      case 'object': {
        const properties = s.properties ?? {};
        if (Object.keys(properties).length === 0) {
          return typeof s.additionalProperties === 'object' && depth < maxDepth
            ? fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), of(s.additionalProperties, depth + 1), { maxKeys: 2 })
            : fc.constant({});
        }
        const required = s.required ?? [];
        const shape = Object.fromEntries(Object.entries(properties).map(([key, inner]) => [key, of(inner, depth + 1)]));
        return fc.record(shape, { requiredKeys: required.filter((key) => key in properties) });
      }
      default:
        // `{}`: any JSON value.
        return fc.jsonValue({ maxDepth: 1 });
    }
  };
  return of(schema, 0);
}

const withoutRef = ({ $ref: _ref, ...rest }: JsonSchema) => rest;
const withoutChoices = ({ oneOf: _one, anyOf: _any, ...rest }: JsonSchema) => rest;
const withoutAllOf = ({ allOf: _all, ...rest }: JsonSchema) => rest;
const lower = (s: JsonSchema) => s.minimum ?? (s.exclusiveMinimum === undefined ? undefined : s.type === 'integer' ? s.exclusiveMinimum + 1 : s.exclusiveMinimum + 1e-6);
const upper = (s: JsonSchema) => s.maximum ?? (s.exclusiveMaximum === undefined ? undefined : s.type === 'integer' ? s.exclusiveMaximum - 1 : s.exclusiveMaximum - 1e-6);

function stringOf(s: JsonSchema): fc.Arbitrary<string> {
  switch (s.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
  }
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? maxGenerated, maxGenerated));
  if (s.pattern) {
    return fc.stringMatching(new RegExp(s.pattern)).filter((text) => text.length >= minLength && (s.maxLength === undefined || text.length <= s.maxLength));
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme-ascii' });
}
