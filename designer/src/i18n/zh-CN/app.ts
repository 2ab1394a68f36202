import type { app as en } from '../en/app';
import type { Translation } from '../../../../workflows/i18n';

export const app: Translation<typeof en> = {
  languageSwitch: {
    label: '语言',
    browser: '跟随浏览器（{language}）',
  },
  brand: 'Milepost',
  nav: {
    label: '主导航',
    projects: '项目',
    inbox: '收件箱',
    people: '人员',
    flows: '流程',
    audit: '审计记录',
    chatChannels: '聊天频道',
    calendars: '节假日日历',
  },
  crumbs: {
    projects: '项目',
  },
  notFound: {
    title: '页面不存在',
    toProjects: '前往项目列表',
  },
};
