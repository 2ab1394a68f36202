import type { TFunction } from 'i18next';
import type { SharedCalendarId } from '../../../workflows/domain/shared-calendars';
import type { SharedYearView } from './calendars-api';
import type { DayKind } from './marked-days';

/** A shared calendar's name in the page's language. */
export const calendarTitle = (t: TFunction<'calendars'>, id: SharedCalendarId): string => ({ 'cn-mainland': t('titles.cnMainland') })[id];

/** Where a year's days come from, in words. */
export const sourceLabel = (t: TFunction<'calendars'>, source: SharedYearView['source']): string =>
  ({ package: t('sources.package'), csv: t('sources.csv'), ics: t('sources.ics'), json: t('sources.json') })[source];

export const kindLabel = (t: TFunction<'calendars'>, kind: DayKind): string => (kind === 'holiday' ? t('kinds.holiday') : t('kinds.workingDay'));
