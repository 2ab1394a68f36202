import { sharedResources, type Language } from '../../../workflows/i18n';
import { app as enApp } from './en/app';
import { calendars as enCalendars } from './en/calendars';
import { app as zhApp } from './zh-CN/app';
import { calendars as zhCalendars } from './zh-CN/calendars';

/**
 * Every catalog the web app reads: the shared ones (workflows/i18n) and one namespace per group
 * of screens. A screen's namespace is named after its folder.
 */
export const resources = {
  en: { ...sharedResources.en, app: enApp, calendars: enCalendars },
  'zh-CN': { ...sharedResources['zh-CN'], app: zhApp, calendars: zhCalendars },
} as const satisfies Record<Language, Record<string, unknown>>;

export type Namespace = keyof (typeof resources)['en'];
export const namespaces = Object.keys(resources.en) as Namespace[];
