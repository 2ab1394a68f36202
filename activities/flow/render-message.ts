import { renderTemplate } from '../../workflows/flow/template';
import type { MessageSpec } from '../../workflows/flow/message-spec';
import { isChangeRequestField } from '../../workflows/domain/plan-item-states';
import type { Language } from '../../workflows/i18n';
import { messagesIn, minuteIn } from '../runtime/messages';
import type { Person } from './people';

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The run's context as `language` writes it into a message: a change's field in words ("截止日期",
 * "due date"), and its values when they are moments, to the minute in UTC as the reader writes
 * dates. The codes stay in the run's own context, where conditions compare them.
 */
function readableContext(context: object, language: Language): object {
  const change: unknown = Reflect.get(context, 'change');
  if (typeof change !== 'object' || change === null) return context;
  const { field, before, after } = change as { field?: unknown; before?: unknown; after?: unknown };
  const moment = (value: unknown) => (typeof value === 'string' && isoInstant.test(value) ? minuteIn(language, new Date(value)) : value);
  return {
    ...context,
    change: { ...change, ...(isChangeRequestField(field) ? { field: messagesIn(language)(`change.fields.${field}`) } : {}), before: moment(before), after: moment(after) },
  };
}

/**
 * A message as one person reads it: the run's context plus `recipient`, in their language when the
 * step has it (a Chinese reader gets the Chinese subject and message, else the English ones).
 */
export function renderMessage(spec: Pick<MessageSpec, 'subject' | 'message' | 'subjectZh' | 'messageZh'>, context: object, person: Person, language: Language = 'en'): { subject: string; text: string } {
  const personal = { ...readableContext(context, language), recipient: { id: person.id, name: person.name } };
  const chinese = language === 'zh-CN';
  const subject = chinese && spec.subjectZh ? spec.subjectZh : spec.subject;
  const message = chinese && spec.messageZh ? spec.messageZh : spec.message;
  return { subject: renderTemplate(subject, personal), text: renderTemplate(message, personal) };
}
