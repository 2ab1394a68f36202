import type { scorecard as en } from '../en/scorecard';
import type { Translation } from '../../../../workflows/i18n';

export const scorecard: Translation<typeof en> = {
  title: '平衡计分卡',
  none: '尚未设置计分卡：成员按各项指标分别排名。',
  training: '培训完成率',
  weightOf: '{dimension} {weight}%（最多计 {cap}%）',
  dimensions: '维度与权重',
  dimension: '维度',
  weight: '权重（%）',
  cap: '最多计入（%）',
  weightFor: '{dimension}的权重',
  capFor: '{dimension}的上限',
  remove: '移除',
  total: '各项权重之和为 {total}%；必须为 100%。',
  addDimension: '添加{dimension}',
  save: '保存计分卡',
  removeScorecard: '删除计分卡',
  rank: '名次',
  member: '成员',
  score: '得分',
  dimensionColumn: '{dimension}（{weight}%）',
  attainment: '达成率 {attainment}',
  reportedNothing: '（未上报任何数据）',
};
