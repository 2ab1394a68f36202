import type { salesPlan as en } from '../en/sales-plan';
import type { Translation } from '../../../../workflows/i18n';

export const salesPlan: Translation<typeof en> = {
  page: {
    title: '销售计划',
    summary: '每个人的指标、数字背后的销售漏斗、平衡计分卡、激励、培训，以及全年的走向。',
    empty: '这个销售计划还没有内容。',
  },
};
