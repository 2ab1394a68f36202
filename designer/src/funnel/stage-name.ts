import type { TFunction } from 'i18next';
import { defaultFunnelStageKeys } from '../../../workflows/domain/sales-plan/funnel';

const defaultKeys: readonly string[] = defaultFunnelStageKeys;

/** A stage as people read it: its own name, the page's words for a default stage, else its key. */
export function stageName(t: TFunction<'funnel'>, stage: { key: string; name: string | null }): string {
  if (stage.name) return stage.name;
  return defaultKeys.includes(stage.key) ? t(`stages.${stage.key as (typeof defaultFunnelStageKeys)[number]}`) : stage.key;
}
