import type { app as en } from '../en/app';
import type { Translation } from '../../../../workflows/i18n';

export const app: Translation<typeof en> = {
  languageSwitch: {
    label: '语言',
    browser: '跟随浏览器（{language}）',
  },
};
