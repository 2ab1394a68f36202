/**
 * Sales-domain rules shared by the API and the workflows. Pure and deterministic: only zod,
 * luxon and decimal.js, no I/O, no clock (every "now" is a parameter), so they run inside the Temporal sandbox.
 */
export * from './attainment';
export * from './business-calendar';
export * from './csv';
export * from './csv-kpi';
export * from './decimal';
export * from './decompose-target';
export * from './duration';
export * from './errors';
export * from './human-text';
export * from './instant';
export * from './money';
export * from './ranking';
export * from './ratio';
export * from './smart-goal';
export * from './time-zone';
export * from './access-role';
export * from './approval-states';
export * from './plan-item-states';
export * from './project-states';
export * from './phase-rules';
export * from './shared-calendars';
export * from './holiday-import';
