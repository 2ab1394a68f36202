import type { shared as en } from '../en/shared';
import type { Translation } from '../../../../workflows/i18n';

export const shared: Translation<typeof en> = {
  loading: '加载中…',
  tryAgain: '重试',
  cancel: '取消',
  adding: '正在添加…',
  saving: '正在保存…',
  creating: '正在创建…',
  field: {
    optional: '（选填）',
  },
  formErrors: {
    other: '{path}：{message}',
    marked: '{count, plural, one {请检查标出的字段。} other {请检查标出的 # 个字段。}}',
  },
  phases: {
    planning: '计划',
    execution: '执行',
    monitoring: '监控',
    closing_review: '结项复盘',
    closed: '已结项',
  },
  rag: {
    green: '正常',
    amber: '有风险',
    red: '偏离',
    none: '暂无数据',
  },
  milestoneStatus: {
    pending: '待定',
    met: '已达成',
    missed: '未达成',
  },
  chart: {
    planned: '计划（累计）',
    actual: '实际（累计）',
    met: '已达成的里程碑',
    missed: '未达成的里程碑',
    pending: '未到期的里程碑',
    forecast: '预测',
    range: '预测区间',
  },
  ranking: {
    rank: '第 {rank} 名',
  },
  time: {
    hint: '（{distance}）',
    period: '{first}至{last}',
  },
};
