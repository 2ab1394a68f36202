import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Checks values against schemas of the published OpenAPI description with a real JSON Schema
 * (2020-12, the dialect of OpenAPI 3.1) validator. Ajv is not a dependency of Milepost's own: it
 * comes with @hookform/resolvers and webpack. OpenAPI's own keywords (`discriminator`, `example`,
 * `x-…`) mean nothing to validation and are let through.
 */
export function openApiSchemas(doc: object) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'openapi');
  const cache = new Map<string, ReturnType<typeof ajv.compile>>();
  /** The problems of `value` against `pointer` (`#/components/schemas/NewFlow`, `#/paths/…`); none = valid. */
  return (pointer: string, value: unknown): string[] => {
    let validate = cache.get(pointer);
    if (!validate) {
      validate = ajv.getSchema(`openapi${pointer}`);
      if (!validate) throw new Error(`No schema at ${pointer} in the description.`);
      cache.set(pointer, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  };
}

/** A JSON pointer segment: `/api/flows/{id}` → `~1api~1flows~1{id}`. */
export const pointerSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
