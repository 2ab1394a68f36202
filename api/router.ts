import { OpenAPIHono } from '@hono/zod-openapi';
import { invalidFields, zodDetails } from './errors';

/** A sub-app whose validation failures all answer 400 with each faulty field named. */
export function createRouter() {
  return new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw invalidFields(zodDetails(result.error));
    },
  });
}
