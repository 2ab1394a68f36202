import { z } from 'zod';
import { Dec, decimalSchema, decimalText } from './decimal';
import { readable } from './human-text';
import { instantSchema } from './instant';

export const standardMetrics = [
  'revenue',
  'new_customers',
  'market_share',
  'customer_satisfaction',
  'repurchase_rate',
  'call_connection_rate',
] as const;
export const goalMetrics = [...standardMetrics, 'custom'] as const;
export type GoalMetric = (typeof goalMetrics)[number];

export const goalDirections = ['at_least', 'at_most'] as const;
export type GoalDirection = (typeof goalDirections)[number];

/** Rates that only make sense as a percentage, whatever unit was typed. */
export const percentMetrics = ['market_share', 'repurchase_rate', 'call_connection_rate'] as const;
export const PERCENT_UNIT = '%';

const metricLabels: Record<GoalMetric, string> = {
  revenue: 'revenue',
  new_customers: 'new customers',
  market_share: 'market share',
  customer_satisfaction: 'customer satisfaction',
  repurchase_rate: 'repurchase rate',
  call_connection_rate: 'call connection rate',
  custom: 'custom metric',
};

export const smartElements = ['specific', 'measurable', 'achievable', 'time_bound'] as const;
export type SmartElement = (typeof smartElements)[number];

const elementLabels: Record<SmartElement, string> = {
  specific: 'Specific',
  measurable: 'Measurable',
  achievable: 'Achievable',
  time_bound: 'Time-bound',
};

/** Nothing given: absent, null, or text with nothing in it (an empty form field). */
const missing = (input: unknown): boolean => input === undefined || input === null || (typeof input === 'string' && input.trim() === '');

const goalPeriodSchema = z
  .strictObject(
    {
      start: instantSchema({
        missing: 'Time-bound: the goal has no start date',
        invalid: 'Time-bound: the start must be a date-time with an offset, e.g. 2027-01-01T00:00:00+08:00',
      }),
      end: instantSchema({
        missing: 'Time-bound: the goal has no deadline',
        invalid: 'Time-bound: the deadline must be a date-time with an offset, e.g. 2028-01-01T00:00:00+08:00',
      }),
    },
    {
      error: (issue) =>
        missing(issue.input) ? 'Time-bound: the goal has no deadline' : 'Time-bound: the period must be { start, end }',
    },
  )
  .refine((period) => period.end.getTime() > period.start.getTime(), {
    error: 'Time-bound: the deadline must be after the start',
    path: ['end'],
  });

const goalFields = {
  metric: z.enum(goalMetrics, {
    error: (issue) =>
      missing(issue.input) ? 'Specific: the goal has no metric' : `Specific: metric must be one of ${goalMetrics.join(', ')}`,
  }),
  /** Required for, and only allowed with, metric 'custom'. */
  customMetricName: readable(
    z
      .string({ error: 'Specific: the custom metric name must be text' })
      .trim()
      .min(1, { error: 'Specific: a custom metric needs a name' })
      .max(100, { error: 'Specific: the custom metric name is longer than 100 characters' }),
  ).optional(),
  unit: readable(
    z
      .string({
        error: (issue) =>
          missing(issue.input) ? 'Measurable: the goal has no unit (e.g. CNY, customers, %)' : 'Measurable: the unit must be text',
      })
      .trim()
      .min(1, { error: 'Measurable: the goal has no unit (e.g. CNY, customers, %)' })
      .max(32, { error: 'Measurable: the unit is longer than 32 characters' }),
  ),
  direction: z
    .enum(goalDirections, { error: "Measurable: direction must be 'at_least' or 'at_most'" })
    .default('at_least'),
  // Decimal text (or an exact number), kept as text so a target of 9007199254740993 stays that.
  baseline: decimalSchema('Measurable: the baseline must be a number').nullable().default(null),
  target: decimalSchema((input) => (missing(input) ? 'Measurable: the goal has no numeric target' : 'Measurable: the target must be a number')),
  period: goalPeriodSchema,
};

type GoalFields = { [K in keyof typeof goalFields]: z.output<(typeof goalFields)[K]> };

export interface SmartIssue {
  /** Null for problems that are not about SMART-ness, such as an unknown field. */
  element: SmartElement | null;
  /** Dotted path of the offending field, '' for the goal as a whole. */
  path: string;
  message: string;
}

export const isPercentGoal = (goal: { metric?: GoalMetric; unit?: string }): boolean =>
  goal.unit === PERCENT_UNIT || (percentMetrics as readonly string[]).includes(goal.metric ?? '');

/** Checks that need several fields; each runs as soon as the fields it needs are valid. */
function crossFieldIssues(goal: Partial<GoalFields>): SmartIssue[] {
  const issues: SmartIssue[] = [];
  const { metric, customMetricName, target, baseline } = goal;
  if (metric === 'custom' && customMetricName === undefined) {
    issues.push({ element: 'specific', path: 'customMetricName', message: 'Specific: a custom metric needs a name' });
  }
  if (metric !== undefined && metric !== 'custom' && customMetricName !== undefined) {
    issues.push({
      element: 'specific',
      path: 'customMetricName',
      message: `Specific: customMetricName is only for metric 'custom', not '${metric}'`,
    });
  }
  if (metric === undefined) return issues;
  const label = metric === 'custom' ? (customMetricName ?? metricLabels.custom) : metricLabels[metric];
  if (isPercentGoal(goal)) {
    if (target !== undefined && (new Dec(target).lt(0) || new Dec(target).gt(100))) {
      const message = `Achievable: a ${label} target must be between 0 and 100 %, got ${target}`;
      issues.push({ element: 'achievable', path: 'target', message });
    }
    if (baseline !== undefined && baseline !== null && (new Dec(baseline).lt(0) || new Dec(baseline).gt(100))) {
      const message = `Measurable: a ${label} baseline must be between 0 and 100 %, got ${baseline}`;
      issues.push({ element: 'measurable', path: 'baseline', message });
    }
  } else if (metric !== 'custom' && target !== undefined && new Dec(target).lt(0)) {
    issues.push({ element: 'achievable', path: 'target', message: `Achievable: a ${label} target cannot be negative, got ${target}` });
  }
  return issues;
}

const addIssues = (issues: SmartIssue[], ctx: z.RefinementCtx): void => {
  for (const issue of issues) {
    const path = issue.path ? issue.path.split('.') : [];
    ctx.addIssue({ code: 'custom', message: issue.message, path, params: { element: issue.element } });
  }
};

/**
 * A goal the project can be held to. The API validates bodies with it; every message names the
 * SMART element that is missing or wrong ("Measurable: the goal has no numeric target").
 * "Relevant" is a judgement for the approving manager, not a rule this schema can check.
 */
export const smartGoalSchema = z.strictObject(goalFields).superRefine((goal, ctx) => {
  addIssues(crossFieldIssues(goal), ctx);
});
export type SmartGoal = z.output<typeof smartGoalSchema>;
export type SmartGoalInput = z.input<typeof smartGoalSchema>;

const fieldElements: Record<string, SmartElement> = {
  metric: 'specific',
  customMetricName: 'specific',
  unit: 'measurable',
  direction: 'measurable',
  baseline: 'measurable',
  target: 'measurable',
  period: 'time_bound',
};

const elementFromParams = (params: unknown): SmartElement | undefined => {
  if (typeof params !== 'object' || params === null || !('element' in params)) return undefined;
  const { element } = params;
  return (smartElements as readonly unknown[]).includes(element) ? (element as SmartElement) : undefined;
};

export type SmartCheck = { ok: true; goal: SmartGoal } | { ok: false; issues: SmartIssue[] };

/**
 * Every reason the input is not a SMART goal, in one go. Cross-field checks (percent ranges, the
 * custom metric's name) are reported even when other fields are broken, so a user fixes all at once.
 */
export function checkSmart(input: unknown): SmartCheck {
  const parsed = smartGoalSchema.safeParse(input);
  if (parsed.success) return { ok: true, goal: parsed.data };
  const issues: SmartIssue[] = parsed.error.issues.map((issue) => {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : '';
    const element = (issue.code === 'custom' ? elementFromParams(issue.params) : undefined) ?? fieldElements[field];
    const prefixed = element === undefined || issue.message.startsWith(`${elementLabels[element]}:`);
    return {
      element: element ?? null,
      path: issue.path.map(String).join('.'),
      message: prefixed ? issue.message : `${elementLabels[element]}: ${issue.message}`,
    };
  });
  // Zod skips the cross-field refinement when a field is broken; run it on the fields that are valid.
  if (typeof input === 'object' && input !== null) {
    const raw = input as Record<string, unknown>;
    const valid: Partial<GoalFields> = {};
    for (const key of Object.keys(goalFields) as (keyof GoalFields)[]) {
      const field = goalFields[key].safeParse(raw[key]);
      if (field.success) Object.assign(valid, { [key]: field.data });
    }
    const reported = new Set(issues.map((issue) => issue.message));
    issues.push(...crossFieldIssues(valid).filter((issue) => !reported.has(issue.message)));
  }
  return { ok: false, issues };
}

/** The metric name KPI reports use for this goal: the standard id, or the custom metric's name. */
export const goalKpiMetric = (goal: Pick<SmartGoal, 'metric' | 'customMetricName'>): string =>
  goal.metric === 'custom' ? (goal.customMetricName ?? 'custom') : goal.metric;

/**
 * How reports of a metric add up over a period: counts and money accumulate; rates and scores are
 * levels, where the latest report is the current value. Custom metrics accumulate unless the
 * caller knows better.
 */
export const metricAggregation = (metric: GoalMetric): 'sum' | 'latest' =>
  metric === 'revenue' || metric === 'new_customers' || metric === 'custom' ? 'sum' : 'latest';

/**
 * What a reported figure of a standard metric cannot be, as a goal on it cannot: a rate is a
 * percentage from 0 to 100, new customers and satisfaction are not negative. Revenue may be (a
 * refund reported against earlier sales), and a custom metric has a scale of its own. The words are
 * the contract's own sentences (errors.schema), so the API and the page say them in either language.
 */
export function kpiValueProblem(metric: string, value: string): string | undefined {
  // A value that is not a decimal has been refused already, with its own words.
  if (typeof value !== 'string' || !decimalText(value).ok) return undefined;
  const figure = new Dec(value);
  if ((percentMetrics as readonly string[]).includes(metric)) return figure.lt(0) || figure.gt(100) ? 'must be a percentage from 0 to 100' : undefined;
  if (metric === 'new_customers' || metric === 'customer_satisfaction') return figure.lt(0) ? 'cannot be negative' : undefined;
  return undefined;
}
