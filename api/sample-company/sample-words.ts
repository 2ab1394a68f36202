import type { Language } from '../../workflows/i18n';
import type { SamplePersonKey } from './sample-plan';

/**
 * What the sample company is called, in the language of whoever loads it: its people, projects,
 * milestones, units and the note on the approval given in the loader's name. Data, not the page's
 * words: once loaded it stays as written, like anything people type.
 */
export interface SampleWords {
  people: Record<SamplePersonKey, string>;
  /** What every sample person's name ends with, and what every sample project's name starts with. */
  personMark: string;
  projectMark: string;
  annualPlanName: string;
  pushProjectName: string;
  dealMilestoneName: string;
  dealDescription: string;
  /** A quarter's or month's milestone of the annual plan, by the split's label (2027-Q1, 2027-03). */
  revenueMilestone: (label: string) => string;
  revenueDescription: (label: string) => string;
  pushMilestoneName: string;
  revenueUnit: string;
  customersUnit: string;
  approvalComment: string;
}

export const sampleWords: Record<Language, SampleWords> = {
  en: {
    people: { head: 'Hana Hart (sample)', north: 'Noah North (sample)', south: 'Sofia South (sample)', rita: 'Rita Reyes (sample)', ravi: 'Ravi Rao (sample)', sam: 'Sam Stone (sample)', sara: 'Sara Sun (sample)' },
    personMark: '(sample)',
    projectMark: 'Sample: ',
    annualPlanName: 'Sample: Annual revenue plan',
    pushProjectName: 'Sample: New customers next quarter',
    dealMilestoneName: 'Northwind framework deal signed',
    dealDescription: 'The framework agreement with Northwind, worth 900,000 in its first order.',
    revenueMilestone: (label) => `Revenue ${label}`,
    revenueDescription: (label) => `The year's revenue to date by the end of ${label}.`,
    pushMilestoneName: 'First 20 new customers',
    revenueUnit: 'CNY',
    customersUnit: 'customers',
    approvalComment: 'Approved when the sample company was loaded.',
  },
  'zh-CN': {
    people: { head: '何晓华（示例）', north: '陆北辰（示例）', south: '苏南雁（示例）', rita: '李瑞（示例）', ravi: '饶伟（示例）', sam: '沈石（示例）', sara: '孙莎（示例）' },
    personMark: '（示例）',
    projectMark: '示例：',
    annualPlanName: '示例：年度销售额计划',
    pushProjectName: '示例：下季度新客户攻坚',
    dealMilestoneName: '签下北风公司框架协议',
    dealDescription: '与北风公司的框架协议，首单金额 900,000。',
    revenueMilestone: (label) => `销售额 ${label}`,
    revenueDescription: (label) => `截至 ${label} 末的年度累计销售额。`,
    pushMilestoneName: '首批 20 家新客户',
    revenueUnit: '元',
    customersUnit: '家',
    approvalComment: '载入示例公司时已批准。',
  },
};

/** The words a loaded sample was written in, known by how one of its people is named. */
export const wordsOfSamplePerson = (name: string): SampleWords | undefined => Object.values(sampleWords).find((words) => name.endsWith(words.personMark));
