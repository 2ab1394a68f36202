import { renderTemplate } from '../../workflows/flow/template';
import type { Person } from './people';

/** A message as one person reads it: the run's context plus `recipient`. */
export function renderMessage(spec: { subject: string; message: string }, context: object, person: Person): { subject: string; text: string } {
  const personal = { ...context, recipient: { id: person.id, name: person.name } };
  return { subject: renderTemplate(spec.subject, personal), text: renderTemplate(spec.message, personal) };
}
