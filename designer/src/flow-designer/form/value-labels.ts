import { channels, durationUnits, triggerEvents } from '../../../../workflows/flow';
import { channelLabel, eventLabel, unitLabel } from '../../i18n/flow-catalog';
import { i18next } from '../../i18n/i18n';

/** "business_days" → "Business days": the fallback for any value without a chosen wording. */
export function humanize(value: string): string {
  // Acronyms and HTTP methods ("POST") read best as they are.
  if (/^[A-Z0-9]+$/.test(value)) return value;
  const spaced = value.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A message of the designer's catalog if it has one; `${field}.${value}` names a fixed value's wording. */
function designerText(key: string): string | undefined {
  const full = `flowDesigner:form.${key}`;
  return i18next.exists(full) ? (i18next.t(full as never) as string) : undefined;
}

/**
 * Wording of choice values, by the name of the field they belong to. The catalog fixes the values;
 * trigger events, channels and units read as the flow catalog names them, the rest as the designer words
 * them for operations staff (flowDesigner `form.values`), in the page's language.
 */
export function valueLabel(field: string, value: string): string {
  const event = field === 'event' ? triggerEvents.find((known) => known === value) : undefined;
  if (event !== undefined) return eventLabel(event);
  const channel = field === 'channel' ? channels.find((known) => known === value) : undefined;
  if (channel !== undefined) return channelLabel(channel);
  const unit = field === 'unit' ? durationUnits.find((known) => known === value) : undefined;
  if (unit !== undefined) return unitLabel(unit);
  // Keys with dots or i18next's separators are not wordings anyone chose.
  if (/[.:]/.test(field) || /[.:]/.test(value)) return humanize(value);
  return designerText(`values.${field}.${value}`) ?? humanize(value);
}

/** Titles for fields the schema leaves untitled (discriminators such as `kind`). */
export function fallbackTitle(field: string): string {
  return (/[.:]/.test(field) ? undefined : designerText(`titles.${field}`)) ?? humanize(field);
}
