import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../activities/flow/render-message';

const spec = {
  subject: 'Change to approve: {{change.subject}}',
  message: 'The {{change.field}} of {{change.subject}} from {{change.before}} to {{change.after}}.',
  subjectZh: '待审批的变更：{{change.subject}}',
  messageZh: '{{change.subject}} 的 {{change.field}} 从 {{change.before}} 改为 {{change.after}}。',
};
const context = { change: { subject: 'Q3 签约', field: 'due_at', before: '2027-09-30T16:00:00.000Z', after: '2027-10-31T16:00:00.000Z' } };
const reader = { id: 'u1', name: '王芳', email: 'wang@example.com' };

describe('a flow message as its reader reads it', () => {
  it('names a change’s field in the reader’s words and writes its moments as they write dates, not as codes', () => {
    expect(renderMessage(spec, context, reader, 'zh-CN').text).toBe('Q3 签约 的 截止日期 从 2027年9月30日 16:00（UTC） 改为 2027年10月31日 16:00（UTC）。');
    expect(renderMessage(spec, context, reader, 'en').text).toBe('The due date of Q3 签约 from 2027-09-30 16:00 UTC to 2027-10-31 16:00 UTC.');
  });

  it('leaves the run’s own context as it was, codes and all, for the conditions that read it', () => {
    renderMessage(spec, context, reader, 'zh-CN');
    expect(context.change.field).toBe('due_at');
  });
});
