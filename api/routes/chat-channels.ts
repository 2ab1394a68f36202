import type { z } from '@hono/zod-openapi';
import { createAddressGuard, emptyAllowList } from '../../activities/flow/address-guard';
import { ChatRefusedError, ChatUnavailableError, sendChatMessage } from '../../activities/chat/chat-activities';
import { channelKeyFrom, seal, type ChannelKey } from '../../activities/chat/secret-box';
import { TokenBuckets } from '../../activities/chat/token-bucket';
import {
  deleteChatChannel,
  findChatChannel,
  findChatChannelByName,
  insertChatChannel,
  listChatChannels,
  setPersonalChatChannel,
  updateChatChannel,
} from '../../db/queries/chat-channels';
import { findUser } from '../../db/queries/users';
import type { ChatChannel as ChatChannelRow } from '../../db/schema';
import { chatPlatformLabels, chatPlatformSigns } from '../../workflows/flow/chat-platforms';
import { roleAbilities, roleMay } from '../access/role-abilities';
import { onlyRoles } from '../auth/principal';
import type { ChatChannel } from '../contract/chat-channels';
import * as routes from '../contract/routes/chat-channels';
import type { AppDeps } from '../deps';
import { ApiError, fieldDetail, found, invalidFields, said } from '../errors';
import { createRouter } from '../router';

const adminsOnly = onlyRoles(roleAbilities.manageChatChannels, 'connect, change or remove chat channels');

/** Everything about a channel but its address and secret, which stay sealed in the database. */
const channelDto = (row: ChatChannelRow): z.infer<typeof ChatChannel> => ({
  id: row.id,
  name: row.name,
  platform: row.platform,
  hasSecret: row.hasSecret,
  secretsChangedAt: row.secretsChangedAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const nameTaken = (name: string) => new ApiError(409, 'name_taken', said('chatNameTaken', { name }), [fieldDetail('name', 'field.isTaken')]);

export function chatChannelsRouter({ db, decisionLinks, channelKey, webhookAllow }: AppDeps) {
  const key: ChannelKey | undefined = decisionLinks || channelKey ? channelKeyFrom({ channelKey, serverSecret: decisionLinks?.secret ?? '' }) : undefined;
  const needKey = (): ChannelKey => {
    if (!key) throw new ApiError(503, 'chat_channels_unavailable', said('chatChannelsUnavailable', { secret: 'MILEPOST_SECRET', key: 'MILEPOST_CHANNEL_KEY' }));
    return key;
  };
  const guard = createAddressGuard(webhookAllow ?? emptyAllowList);
  // The test messages of this API process have a bucket of their own, apart from the worker's.
  const buckets = new TokenBuckets();
  const nameFree = async (name: string, except?: string) => {
    const other = await findChatChannelByName(db, name);
    if (other && other.id !== except) throw nameTaken(name);
  };

  return createRouter()
    .openapi(routes.listChatChannels, async (c) => c.json((await listChatChannels(db)).map(channelDto), 200))
    .openapi({ ...routes.createChatChannel, middleware: adminsOnly }, async (c) => {
      const body = c.req.valid('json');
      const sealing = needKey();
      await nameFree(body.name);
      const row = await insertChatChannel(db, {
        name: body.name,
        platform: body.platform,
        webhookUrlSealed: seal(sealing, body.webhookUrl),
        secretSealed: body.secret === undefined ? null : seal(sealing, body.secret),
      });
      return c.json(channelDto(row), 201);
    })
    .openapi({ ...routes.updateChatChannel, middleware: adminsOnly }, async (c) => {
      const { channelId } = c.req.valid('param');
      const body = c.req.valid('json');
      const current = found(await findChatChannel(db, channelId), 'chatChannel', channelId);
      if (typeof body.secret === 'string' && !chatPlatformSigns[current.platform]) {
        throw invalidFields([{ path: 'secret', message: `${chatPlatformLabels[current.platform]} does not sign its messages; leave the secret out` }]);
      }
      if (body.name !== undefined) await nameFree(body.name, channelId);
      const sealing = body.webhookUrl !== undefined || typeof body.secret === 'string' ? needKey() : undefined;
      const row = await updateChatChannel(db, channelId, {
        name: body.name,
        webhookUrlSealed: body.webhookUrl === undefined ? undefined : seal(sealing!, body.webhookUrl),
        secretSealed: body.secret === undefined ? undefined : body.secret === null ? null : seal(sealing!, body.secret),
      });
      return c.json(channelDto(found(row, 'chatChannel', channelId)), 200);
    })
    .openapi({ ...routes.deleteChatChannel, middleware: adminsOnly }, async (c) => {
      const { channelId } = c.req.valid('param');
      if (!(await deleteChatChannel(db, channelId))) found(undefined, 'chatChannel', channelId);
      return c.body(null, 204);
    })
    .openapi({ ...routes.testChatChannel, middleware: adminsOnly }, async (c) => {
      const { channelId } = c.req.valid('param');
      const row = found(await findChatChannel(db, channelId), 'chatChannel', channelId);
      const message = { title: 'Milepost test message', text: `This is a test of the chat channel "${row.name}". Messages of flow steps will look like this.`, buttons: [] };
      try {
        await sendChatMessage({ db, key: needKey(), guard, buckets, now: new Date() }, channelId, message, `test:${channelId}:${Date.now()}`);
        return c.json({ delivered: true, detail: 'The chat tool accepted the message.' }, 200);
      } catch (error) {
        if (error instanceof ChatRefusedError || error instanceof ChatUnavailableError) return c.json({ delivered: false, detail: error.message }, 200);
        throw error;
      }
    })
    .openapi(routes.putPersonalChatChannel, async (c) => {
      const { id } = c.req.valid('param');
      const { chatChannelId } = c.req.valid('json');
      const principal = c.get('principal');
      found(await findUser(db, id), 'user', id);
      if (principal.userId !== id && !roleMay(principal.role, 'manageChatChannels')) {
        throw new ApiError(403, 'forbidden', said('onlySelfOrAdminChat'));
      }
      if (chatChannelId !== null && !(await findChatChannel(db, chatChannelId))) throw invalidFields([fieldDetail('chatChannelId', 'field.namesNoChatChannel')]);
      await setPersonalChatChannel(db, id, chatChannelId);
      return c.json({ chatChannelId }, 200);
    });
}
