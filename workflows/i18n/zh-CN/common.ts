import type { common as en } from '../en/common';
import type { Translation } from '../translation';

export const common: Translation<typeof en> = {
  language: {
    en: 'English',
    'zh-CN': '中文（简体）',
  },
  none: '—',
};
