import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectDetail } from '../../api/contract/projects';
import { i18next } from '../../designer/src/i18n/i18n';
import { projectTimeline, type TimelineSource } from '../../designer/src/projects/project-timeline';

const milestone = (name: string, metric: string): ProjectDetail['milestones'][number] => ({
  id: name,
  name,
  dueAt: '2027-03-31T10:00:00Z',
  metric,
  targetValue: '1000',
  ownerId: 'u1',
  status: 'pending',
  actualValue: null,
  checkedAt: null,
});

const project: TimelineSource = {
  periodStart: '2027-01-01T00:00:00Z',
  periodEnd: '2027-12-31T00:00:00Z',
  milestones: [milestone('Q1', 'revenue'), milestone('Q2', '签约额')],
  lifecycle: { nextChecks: [] },
  escalations: [],
};

afterAll(() => i18next.changeLanguage('en'));

describe('the project timeline', () => {
  it.each([
    ['en', ['“Q1” due (Revenue target 1,000)', '“Q2” due (签约额 target 1,000)']],
    ['zh-CN', ['“Q1”到期（销售额目标 1,000）', '“Q2”到期（签约额目标 1,000）']],
  ])('names a milestone’s goal metric in the page’s language (%s) and a custom metric as it is', async (language, texts) => {
    await i18next.changeLanguage(language);
    const events = projectTimeline(project, () => '', i18next.getFixedT(language, 'projects'));
    expect(events.filter((event) => event.kind === 'milestone_due').map((event) => event.text)).toEqual(texts);
  });
});
