import { describe, expect, it } from 'vitest';
import { ApiError } from '../../designer/src/api/client';
import { formErrorsOf, noErrors, standingErrors } from '../../designer/src/shared/form-errors';
import { i18next } from '../../designer/src/i18n/i18n';

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

  it('says to check the marked fields, in the page’s language, when the API only named fields the form shows', async () => {
    const refusal = new ApiError(400, 'invalid_request', 'The request has 1 invalid field: managerId.', [{ path: 'managerId', message: 'is not a manager' }]);
    expect(formErrorsOf(refusal, ['managerId'])).toEqual({ summary: 'Check the marked field.', fields: { managerId: 'is not a manager' }, other: [] });
    await i18next.changeLanguage('zh-CN');
    try {
      const two = new ApiError(400, 'invalid_request', '请求中有 2 个字段无效：name, email。', [
        { path: 'name', message: '不能为空' },
        { path: 'email', message: '不是有效的电子邮件地址' },
      ]);
      expect(formErrorsOf(two, ['name', 'email']).summary).toBe('请检查标出的 2 个字段。');
    } finally {
      await i18next.changeLanguage('en');
    }
    // A field the form does not show keeps the API's own words, with the path.
    expect(formErrorsOf(refusal, ['name']).summary).toBe('The request has 1 invalid field: managerId.');
  });

  it('drops the message at the top once every field it marked passes, and keeps it while one is marked or it said more', () => {
    const errors = formErrorsOf(new ApiError(400, 'invalid_request', 'The request has 2 invalid fields: name, email.', [
      { path: 'name', message: 'must not be empty' },
      { path: 'email', message: 'is not an e-mail address' },
    ]), ['name', 'email']);
    expect(standingErrors(errors, (path) => path === 'email')).toBe(errors);
    expect(standingErrors(errors, () => false)).toBe(noErrors);
    const withMore = { ...errors, other: ['colour: is not a known field'] };
    expect(standingErrors(withMore, () => false)).toBe(withMore);
  });
});
