import { isNodeKind, nodeDef } from '../../../../workflows/flow';
import type { FieldSpec } from './form-spec';

function describedAsTemplate(spec: FieldSpec, path: string, found: Set<string>): void {
  if (spec.type === 'object') {
    for (const field of spec.fields) {
      const at = path === '' ? field.key : `${path}.${field.key}`;
      if (field.spec.type === 'text' && field.description?.includes('{{') === true) found.add(at);
      describedAsTemplate(field.spec, at, found);
    }
  } else if (spec.type === 'variants') {
    for (const variant of spec.variants) describedAsTemplate(variant, path, found);
  }
}

/**
 * The text fields of a step that take {{variables}}: those the kind's `uses` reports as templates
 * (for the current settings, or the defaults while they are invalid), plus those whose help says so.
 */
export function templateFieldsOf(kind: string, config: unknown, spec: FieldSpec): Set<string> {
  const found = new Set<string>();
  if (!isNodeKind(kind)) return found;
  const def = nodeDef(kind);
  const parsed = def.config.safeParse(config);
  for (const template of def.uses?.(parsed.success ? parsed.data : def.defaults).templates ?? []) found.add(template.field);
  describedAsTemplate(spec, '', found);
  return found;
}
