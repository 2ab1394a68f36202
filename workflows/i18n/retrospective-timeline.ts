import { isChangeRequestField, type ChangeRequestField } from '../domain/plan-item-states';
import type { RetrospectiveTimelineEntry, TimelineMessageKey } from '../domain/retrospective-report';

/**
 * A closing review's timeline entry in the reader's language, for its page and its exports: the
 * entry's message from the shared `exports` catalog (`say`), a change request's field in that
 * language's words (`fieldWords`). An entry compiled before entries carried a message keeps the
 * English text it was compiled with.
 */
export function timelineEntryText(
  entry: RetrospectiveTimelineEntry,
  say: (key: `timeline.${TimelineMessageKey}`, values: Record<string, string | number>) => string,
  fieldWords: (field: ChangeRequestField) => string,
): string {
  if (!entry.message) return entry.text;
  const { key, values } = entry.message;
  const field = values['field'];
  return say(`timeline.${key}`, isChangeRequestField(field) ? { ...values, field: fieldWords(field) } : values);
}
