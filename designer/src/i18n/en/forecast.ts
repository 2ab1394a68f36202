/** The sales plan's forecast: where each goal, allocation and milestone is heading, and why. */
export const forecast = {
  title: 'Forecast',
  intro: 'Where each target is heading at its due date: what is reached so far, paced against the plan’s own months and quarters (a plan weighted toward the year’s end is not behind early on), carried to the due date. The range runs from the slowest to the fastest complete period.',
  loading: 'Loading the forecast…',
  none: 'Nothing to forecast yet: add a goal that adds up (revenue, new customers or a custom total) or a milestone.',
  mine: 'Your own quota and milestones.',
  team: 'The whole team.',
  kinds: { goal: 'Goal', allocation: 'Allocation', milestone: 'Milestone' },
  columns: {
    subject: 'Goal, allocation or milestone',
    due: 'Due',
    plan: 'Plan at due',
    forecast: 'Forecast',
    range: 'Range',
    ofPlan: 'Of plan',
    method: 'Method and inputs',
  },
  allocationOf: '{goal}: {holder}',
  aTeam: 'a team',
  method: {
    pace_against_plan: 'Pace against plan',
  },
  inputs: '{actual} reached of {planned} planned by now: pace {pace}.',
  noPace: 'Nothing was planned by now, so there is no pace yet.',
  periodPaces: 'Complete periods’ paces: {paces}.',
  chart: 'Plan, actual and forecast of {subject}',
  belowPlan: 'Behind plan',
};
