import { channelLabels, triggerEventLabels } from '../../../../workflows/flow';

/** "business_days" → "Business days": the fallback for any value without a chosen wording. */
export function humanize(value: string): string {
  // Acronyms and HTTP methods ("POST") read best as they are.
  if (/^[A-Z0-9]+$/.test(value)) return value;
  const spaced = value.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * Wording of choice values, by the name of the field they belong to. The catalog fixes the
 * values; how they read to operations staff is the designer's business.
 */
const labelsByField: Record<string, Record<string, string>> = {
  event: triggerEventLabels,
  channel: channelLabels,
  kind: {
    project_owner: 'The project owner',
    owner_manager: 'The owner’s manager',
    manager_levels_up: 'A manager further up',
    manager_chain: 'A manager in the owner’s chain',
    role: 'Everyone with a role',
    team: 'A team',
    user: 'A person',
    users: 'Chosen people',
    escalation_recipient: 'Whoever the latest escalation reached',
  },
  mode: { any: 'Any one of them', all: 'All of them', sequence: 'One after another' },
  timeoutAction: { approve: 'Approve on its own', reject: 'Reject on its own', escalate: 'Take the “timed out” path' },
  unit: {
    seconds: 'seconds',
    minutes: 'minutes',
    hours: 'hours',
    days: 'days',
    business_hours: 'business hours',
    business_days: 'business days',
  },
  status: { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' },
  result: { done: 'Done', approved: 'Approved', rejected: 'Rejected' },
  direction: { above: 'Goes above', below: 'Goes below' },
};

export function valueLabel(field: string, value: string): string {
  return labelsByField[field]?.[value] ?? humanize(value);
}

/** Titles for fields the schema leaves untitled (discriminators such as `kind`). */
const fieldTitles: Record<string, string> = {
  event: 'Starts when',
  kind: 'Who',
  channel: 'Channel',
};

export function fallbackTitle(field: string): string {
  return fieldTitles[field] ?? humanize(field);
}
