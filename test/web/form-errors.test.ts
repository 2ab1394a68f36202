import { describe, expect, it } from 'vitest';
import { ApiError } from '../../designer/src/api/client';
import { formErrorsOf } from '../../designer/src/shared/form-errors';

describe('putting the API’s refusal next to the fields', () => {
  it('puts each detail on its field, the deepest matching path first, and keeps the rest for the top', () => {
    const refusal = new ApiError(400, 'not_smart', 'The goal is not SMART; fix what is missing or wrong: Measurable, Time-bound.', [
      { path: 'target', message: 'Measurable: the goal has no numeric target' },
      { path: 'period.end', message: 'Time-bound: the deadline must be after the start' },
      { path: 'warningOffset.amount', message: 'the amount cannot be negative' },
      { path: 'colour', message: 'is not a known field' },
    ]);
    const errors = formErrorsOf(refusal, ['target', 'period', 'period.end', 'warningOffset']);
    expect(errors.fields).toEqual({
      target: 'Measurable: the goal has no numeric target',
      'period.end': 'Time-bound: the deadline must be after the start',
      warningOffset: 'the amount cannot be negative',
    });
    expect(errors.summary).toBe('The goal is not SMART; fix what is missing or wrong: Measurable, Time-bound.');
    expect(errors.other).toEqual(['colour: is not a known field']);
  });

  it('shows anything that is not a refusal as the message alone', () => {
    expect(formErrorsOf(new Error('offline'), ['name'])).toEqual({ summary: 'offline', fields: {}, other: [] });
  });
});
