import type { chat as en } from '../en/chat';
import type { Translation } from '../../../../workflows/i18n';

export const chat: Translation<typeof en> = {
  platforms: {
    wecom: '企业微信群机器人',
    dingtalk: '钉钉自定义机器人',
    feishu: '飞书机器人',
    slack: 'Slack 传入 Webhook',
  },
  select: {
    loading: '正在加载聊天频道…',
    option: '{name}（{platform}）',
    removed: '已删除的聊天频道',
  },
  page: {
    title: '聊天频道',
    intro: '流程消息也会以卡片形式发到这里，卡片上带有批准、驳回和确认按钮。',
    none: '尚未连接任何聊天频道。',
    connect: '连接聊天频道',
  },
  channel: {
    signed: '已用密钥签名',
    unsigned: '无签名密钥',
    addressSet: '地址设置于',
    notDelivered: '未送达：{detail}',
    confirmRemove: '删除聊天频道“{name}”？引用它的流程步骤将不再发送消息。',
    test: '发送测试消息',
    edit: '编辑',
    closeEditor: '关闭编辑',
    remove: '删除',
    saved: '已保存。',
  },
  form: {
    name: '名称',
    nameHelp: '流程步骤和同事按此名称查找，例如群名称。',
    tool: '聊天工具',
    webhook: 'Webhook 地址',
    webhookHelp: '即添加机器人时聊天工具显示的地址；加密保存，之后不再显示。',
    secret: '签名密钥',
    secretHelp: '钉钉的加签密钥（SEC…）或飞书的签名校验密钥；加密保存，之后不再显示。',
    connect: '连接',
    connecting: '正在连接…',
    editLabel: '编辑 {name}',
    newWebhook: '新的 Webhook 地址',
    newSecret: '新的签名密钥',
    keep: '留空则保留已保存的值。',
    save: '保存',
    saving: '正在保存…',
  },
};
