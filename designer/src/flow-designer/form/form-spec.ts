import { z } from 'zod';
import { nodeDef, type NodeKind } from '../../../../workflows/flow';
import { fieldHelp, fieldTitle } from '../../i18n/flow-catalog';
import { currentLanguage } from '../../i18n/i18n';
import { fallbackTitle, valueLabel } from './value-labels';

/**
 * A node's settings form, derived from its zod config schema through `z.toJSONSchema`, so the
 * catalog stays the one place that defines what a step can be configured with. JSON Schema's
 * `oneOf` of objects sharing a constant property is the catalog's discriminated unions (who gets a
 * message, durations, trigger events): it becomes a choice followed by the chosen variant's fields.
 */
type JsonSchema = z.core.JSONSchema.JSONSchema;

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
}

export type FieldSpec =
  | { readonly type: 'text'; readonly multiline: boolean; readonly maxLength?: number | undefined }
  | { readonly type: 'number'; readonly integer: boolean; readonly min?: number | undefined; readonly max?: number | undefined; readonly positive: boolean }
  | { readonly type: 'boolean' }
  | { readonly type: 'choice'; readonly options: readonly ChoiceOption[] }
  /** Several of a fixed list (an array of an enum), shown as checkboxes. */
  | { readonly type: 'choices'; readonly options: readonly ChoiceOption[] }
  | { readonly type: 'person' }
  | { readonly type: 'people' }
  | { readonly type: 'team' }
  /** One of the chat channels an admin connected (by id), chosen by name. */
  | { readonly type: 'chatChannel' }
  | { readonly type: 'map' }
  | { readonly type: 'rule' }
  | ObjectSpec
  | VariantsSpec
  | { readonly type: 'unsupported' };

export interface Field {
  readonly key: string;
  readonly title: string;
  readonly description?: string | undefined;
  readonly required: boolean;
  readonly spec: FieldSpec;
}

export interface ObjectSpec {
  readonly type: 'object';
  readonly fields: readonly Field[];
}

export interface VariantOption extends ChoiceOption {
  readonly variant: number;
}

export interface VariantsSpec {
  readonly type: 'variants';
  readonly discriminator: string;
  readonly discriminatorTitle: string;
  readonly options: readonly VariantOption[];
  /** Each variant's fields other than the discriminator. */
  readonly variants: readonly ObjectSpec[];
  /** Small enough to show on one line (a duration: amount and unit). */
  readonly inline: boolean;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function allowedValues(schema: JsonSchema | undefined): string[] | null {
  if (schema === undefined) return null;
  if (typeof schema.const === 'string') return [schema.const];
  if (Array.isArray(schema.enum) && schema.enum.every((value) => typeof value === 'string')) return schema.enum.filter((value) => typeof value === 'string');
  return null;
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const result: Record<string, JsonSchema> = {};
  for (const [key, value] of Object.entries(schema.properties ?? {})) if (isSchema(value)) result[key] = value;
  return result;
}

/** The property whose constant (or enum) values tell the variants apart, if there is one. */
function findDiscriminator(variants: readonly JsonSchema[]): string | null {
  const [first] = variants;
  if (first === undefined) return null;
  for (const key of Object.keys(propertiesOf(first))) {
    const seen = new Set<string>();
    let disjoint = true;
    for (const variant of variants) {
      const values = allowedValues(propertiesOf(variant)[key]);
      if (values === null || values.some((value) => seen.has(value))) {
        disjoint = false;
        break;
      }
      for (const value of values) seen.add(value);
    }
    if (disjoint) return key;
  }
  return null;
}

function isScalar(spec: FieldSpec): boolean {
  return spec.type === 'text' || spec.type === 'number' || spec.type === 'choice';
}

/** Where a field sits: the step kind whose catalog texts name it (if any) and its dotted config path. */
interface At {
  readonly kind: NodeKind | undefined;
  readonly path: string;
}

function inside(at: At, key: string): At {
  return { kind: at.kind, path: at.path === '' ? key : `${at.path}.${key}` };
}

/** A title in the page's language: the catalog's for this kind and path, else the schema's, else the key's. */
function titleAt(at: At, key: string, schema: JsonSchema | undefined): string {
  return (at.kind === undefined ? undefined : fieldTitle(at.kind, at.path)) ?? schema?.title ?? fallbackTitle(key);
}

function objectSpec(schema: JsonSchema, at: At, skip?: string): ObjectSpec {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(propertiesOf(schema))
    .filter(([key]) => key !== skip)
    .map(([key, property]) => field(key, property, required.has(key), inside(at, key)));
  return { type: 'object', fields };
}

function variantsSpec(variants: readonly JsonSchema[], at: At): VariantsSpec | null {
  const discriminator = findDiscriminator(variants);
  if (discriminator === null) return null;
  const objects = variants.map((variant) => objectSpec(variant, at, discriminator));
  const options = variants.flatMap((variant, index) =>
    (allowedValues(propertiesOf(variant)[discriminator]) ?? []).map((value) => ({ value, label: valueLabel(discriminator, value), variant: index })),
  );
  const discriminatorSchema = propertiesOf(variants[0] ?? {})[discriminator];
  return {
    type: 'variants',
    discriminator,
    discriminatorTitle: titleAt(inside(at, discriminator), discriminator, discriminatorSchema),
    options,
    variants: objects,
    inline: objects.every((object) => object.fields.length <= 1 && object.fields.every((f) => f.required && isScalar(f.spec))),
  };
}

function specOf(key: string, schema: JsonSchema, at: At): FieldSpec {
  if (Array.isArray(schema.oneOf) || (Array.isArray(schema.anyOf) && schema.anyOf.every((s) => s.type === 'object'))) {
    const variants = (schema.oneOf ?? schema.anyOf ?? []).filter(isSchema);
    return variantsSpec(variants, at) ?? { type: 'unsupported' };
  }
  // Free JSON (a JSON Logic rule) comes out as a recursive anyOf of every JSON type.
  if (schema.$ref !== undefined || Array.isArray(schema.anyOf)) return { type: 'rule' };
  const values = allowedValues(schema);
  if (values !== null) return { type: 'choice', options: values.map((value) => ({ value, label: valueLabel(key, value) })) };
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return key === 'teamId' ? { type: 'team' } : key === 'chatChannelId' ? { type: 'chatChannel' } : { type: 'person' };
      // Long free text gets a text area; long but patterned values (web addresses) stay on one line.
      return { type: 'text', multiline: (schema.maxLength ?? 0) >= 1000 && schema.pattern === undefined, maxLength: schema.maxLength };
    case 'number':
    case 'integer':
      return {
        type: 'number',
        integer: schema.type === 'integer',
        min: schema.minimum,
        max: schema.maximum,
        positive: schema.exclusiveMinimum === 0,
      };
    case 'boolean':
      return { type: 'boolean' };
    case 'array':
      if (isSchema(schema.items) && schema.items.format === 'uuid') return { type: 'people' };
      if (isSchema(schema.items)) {
        const choices = allowedValues(schema.items);
        if (choices !== null) return { type: 'choices', options: choices.map((value) => ({ value, label: valueLabel(key, value) })) };
      }
      return { type: 'unsupported' };
    case 'object':
      if (isSchema(schema.additionalProperties)) return { type: 'map' };
      return objectSpec(schema, at);
    default:
      return { type: 'unsupported' };
  }
}

function field(key: string, schema: JsonSchema, required: boolean, at: At): Field {
  const description = (at.kind === undefined ? undefined : fieldHelp(at.kind, at.path)) ?? schema.description;
  return { key, title: titleAt(at, key, schema), description, required, spec: specOf(key, schema, at) };
}

/**
 * The form of a JSON Schema (exported for tests; the editor uses `formSpecFor`). With a kind, its
 * titles, help and choices read as the flow catalog words them in the page's language.
 */
export function formSpecOf(schema: JsonSchema, kind?: NodeKind): FieldSpec {
  return specOf('', schema, { kind, path: '' });
}

/** One form per kind and language, made when first asked for. */
const cache = new Map<string, FieldSpec>();

export function formSpecFor(kind: NodeKind): FieldSpec {
  const key = `${currentLanguage()}:${kind}`;
  let spec = cache.get(key);
  if (spec === undefined) {
    spec = formSpecOf(z.toJSONSchema(nodeDef(kind).config, { unrepresentable: 'any' }), kind);
    cache.set(key, spec);
  }
  return spec;
}

/** The variant a value is in, by its discriminator; -1 when it has none (a broken config). */
export function variantIndexOf(spec: VariantsSpec, value: unknown): number {
  const chosen = isRecord(value) ? value[spec.discriminator] : undefined;
  return spec.options.find((option) => option.value === chosen)?.variant ?? -1;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A starting value for a field someone has just made appear (a new variant's required fields). */
export function defaultValue(spec: FieldSpec): unknown {
  switch (spec.type) {
    case 'text':
    case 'person':
    case 'team':
    case 'chatChannel':
      return '';
    case 'number':
      return spec.min ?? (spec.positive ? 1 : 0);
    case 'boolean':
      return false;
    case 'choice':
      return spec.options[0]?.value ?? '';
    case 'people':
    case 'choices':
      return [];
    case 'map':
      return {};
    case 'rule':
      return nodeDef('condition').defaults;
    case 'object':
      return Object.fromEntries(spec.fields.filter((f) => f.required).map((f) => [f.key, defaultValue(f.spec)]));
    case 'variants': {
      const [first] = spec.options;
      return first === undefined ? {} : switchVariant(spec, {}, first.value);
    }
    case 'unsupported':
      return undefined;
  }
}

/**
 * The value after choosing another variant: the new discriminator, the fields both variants share
 * kept as they were (a fallback, a duration's amount), new required fields at their defaults.
 */
export function switchVariant(spec: VariantsSpec, current: unknown, chosen: string): Record<string, unknown> {
  const option = spec.options.find((o) => o.value === chosen);
  const variant = option === undefined ? undefined : spec.variants[option.variant];
  const before = isRecord(current) ? current : {};
  const next: Record<string, unknown> = { [spec.discriminator]: chosen };
  for (const f of variant?.fields ?? []) {
    if (before[f.key] !== undefined) next[f.key] = before[f.key];
    else if (f.required) next[f.key] = defaultValue(f.spec);
  }
  return next;
}

/** A copy of `object` with `key` set, or removed when the value is undefined (an emptied optional field). */
export function withField(object: unknown, key: string, value: unknown): Record<string, unknown> {
  const next: Record<string, unknown> = { ...(isRecord(object) ? object : {}) };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
