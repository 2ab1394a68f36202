import { renderTemplate } from '../../workflows/flow/template';
import type { MessageSpec } from '../../workflows/flow/message-spec';
import type { Language } from '../../workflows/i18n';
import type { Person } from './people';

/**
 * A message as one person reads it: the run's context plus `recipient`, in their language when the
 * step has it (a Chinese reader gets the Chinese subject and message, else the English ones).
 */
export function renderMessage(spec: Pick<MessageSpec, 'subject' | 'message' | 'subjectZh' | 'messageZh'>, context: object, person: Person, language: Language = 'en'): { subject: string; text: string } {
  const personal = { ...context, recipient: { id: person.id, name: person.name } };
  const chinese = language === 'zh-CN';
  const subject = chinese && spec.subjectZh ? spec.subjectZh : spec.subject;
  const message = chinese && spec.messageZh ? spec.messageZh : spec.message;
  return { subject: renderTemplate(subject, personal), text: renderTemplate(message, personal) };
}
