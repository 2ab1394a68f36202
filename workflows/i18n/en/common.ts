/** Words every part of Milepost uses: the languages' own names, the signs of "nothing here". */
export const common = {
  language: {
    en: 'English',
    'zh-CN': '中文（简体）',
  },
  none: '—',
} as const;
