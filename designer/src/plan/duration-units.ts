import type { TFunction } from 'i18next';
import { businessDurationUnits, plainDurationUnits } from '../../../workflows/domain/duration';

/** Every unit a warning offset can be given in, business time first. */
export const durationUnits = [...businessDurationUnits, ...plainDurationUnits];

type DurationUnit = (typeof durationUnits)[number];

const isDurationUnit = (unit: string): unit is DurationUnit => (durationUnits as readonly string[]).includes(unit);

/** A unit as people read it ("business days", "工作日"); one this page does not know shows as the API sent it. */
export const unitLabel = (t: TFunction<'plan'>, unit: string): string => (isDurationUnit(unit) ? t(`units.${unit}`) : unit);
