/** What a forecast is made for: a goal, one member's allocation of it, or a milestone. */
export const forecastSubjectKinds = ['goal', 'allocation', 'milestone'] as const;
export type ForecastSubjectKind = (typeof forecastSubjectKinds)[number];
