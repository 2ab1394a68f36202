/** Words of the components every screen uses: fields, buttons, page states, badges, charts, dates. */
export const shared = {
  loading: 'Loading…',
  tryAgain: 'Try again',
  cancel: 'Cancel',
  adding: 'Adding…',
  saving: 'Saving…',
  creating: 'Creating…',
  field: {
    optional: ' (optional)',
  },
  formErrors: {
    other: '{path}: {message}',
    marked: '{count, plural, one {Check the marked field.} other {Check the # marked fields.}}',
  },
  phases: {
    planning: 'Planning',
    execution: 'Execution',
    monitoring: 'Monitoring',
    closing_review: 'Closing review',
    closed: 'Closed',
  },
  rag: {
    green: 'On track',
    amber: 'At risk',
    red: 'Off track',
    none: 'No data',
  },
  milestoneStatus: {
    pending: 'Pending',
    met: 'Met',
    missed: 'Missed',
  },
  chart: {
    planned: 'Plan (cumulative)',
    actual: 'Actual (cumulative)',
    met: 'Milestone met',
    missed: 'Milestone missed',
    pending: 'Milestone ahead',
    forecast: 'Forecast',
    range: 'Forecast range',
  },
  ranking: {
    rank: '#{rank}',
  },
  time: {
    hint: '({distance})',
    period: '{first} – {last}',
  },
} as const;
