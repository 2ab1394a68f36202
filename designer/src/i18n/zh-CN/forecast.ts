import type { forecast as en } from '../en/forecast';
import type { Translation } from '../../../../workflows/i18n';

export const forecast: Translation<typeof en> = {
  title: '预测',
  intro: '每个目标到期时会走到哪里：用目前已达成的数值，对照计划本身按月、按季度的分解来衡量进度（偏重年底的计划，年初不会因此被判为落后），再推算到到期日。区间从最慢到最快的已结束周期的进度得出。',
  loading: '正在加载预测……',
  none: '还没有可以预测的内容：请添加一个可累计的目标（收入、新客户或自定义总量）或一个里程碑。',
  mine: '你自己的指标和里程碑。',
  team: '整个团队。',
  kinds: { goal: '目标', allocation: '个人分配', milestone: '里程碑' },
  columns: {
    subject: '目标、个人分配或里程碑',
    due: '到期',
    plan: '到期计划值',
    forecast: '预测值',
    range: '区间',
    ofPlan: '占计划',
    method: '方法与输入',
  },
  allocationOf: '{goal}：{holder}',
  aTeam: '一个团队',
  method: {
    pace_against_plan: '按计划进度推算',
  },
  inputs: '目前已达成 {actual}，计划应达成 {planned}：进度 {pace}。',
  noPace: '到目前为止计划值为零，因此还没有进度。',
  periodPaces: '已结束周期的进度：{paces}。',
  chart: '{subject}的计划、实际与预测',
  belowPlan: '落后于计划',
};
