import { z } from '@hono/zod-openapi';
import { chatPlatforms, chatPlatformSigns } from '../../workflows/flow/chat-platforms';
import { Uuid } from './common';

const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be the robot’s or webhook’s http(s) address, as the chat tool shows it' })
  .max(2000)
  .openapi({ description: 'The address the chat tool gave (it carries the robot’s token): stored sealed, never answered', example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' });
const secret = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200)
  .openapi({ description: 'DingTalk’s 加签 secret (SEC…) or Feishu’s signature secret: stored sealed, never answered' });
const name = z.string().trim().min(1, 'must not be empty').max(100).openapi({ example: '华东销售群' });
const platform = z.enum(chatPlatforms, { error: `must be one of ${chatPlatforms.join(', ')}` });

const unsignedSecret = (body: { platform?: (typeof chatPlatforms)[number] | undefined; secret?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (body.platform !== undefined && !chatPlatformSigns[body.platform] && typeof body.secret === 'string') {
    ctx.addIssue({ code: 'custom', path: ['secret'], message: `${body.platform} does not sign its messages; leave the secret out` });
  }
};

export const ChatChannelBody = z
  .strictObject({ name, platform, webhookUrl, secret: secret.optional() })
  .superRefine(unsignedSecret)
  .openapi('ChatChannelInput');

export const ChatChannelChange = z
  .strictObject({
    name: name.optional(),
    webhookUrl: webhookUrl.optional(),
    secret: secret.nullable().optional().openapi({ description: 'A new secret; null removes it; left out keeps it' }),
  })
  .openapi('ChatChannelChange');

export const ChatChannel = z
  .object({
    id: z.string(),
    name: z.string(),
    platform,
    hasSecret: z.boolean().openapi({ description: 'A signing secret is stored (its value is never answered)' }),
    secretsChangedAt: z.string().openapi({ description: 'When the address or secret was last set' }),
    updatedAt: z.string(),
  })
  .openapi('ChatChannel');

export const ChatChannelParams = z.object({ channelId: Uuid.openapi({ param: { name: 'channelId', in: 'path' } }) });

export const ChatChannelTestResult = z
  .object({ delivered: z.boolean(), detail: z.string().openapi({ description: 'What the chat tool answered, in words' }) })
  .openapi('ChatChannelTestResult');

export const PersonalChatChannel = z
  .strictObject({ chatChannelId: Uuid.nullable().openapi({ description: 'The channel the person’s messages also go to; null: none' }) })
  .openapi('PersonalChatChannel');

export type ChatChannel = z.infer<typeof ChatChannel>;
