import { MessageSquare, Send, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import { PageHead } from '../app/PageHead';
import { QueryPage } from '../app/QueryPage';
import { useCan } from '../auth/use-can';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Card } from '../shared/Card';
import { DoneNote } from '../shared/DoneNote';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { Options } from '../shared/Options';
import { SelectField } from '../shared/SelectField';
import { requestJson, requestVoid } from '../shared/request';
import { TimeText } from '../shared/TimeText';
import { typed, useApiForm } from '../shared/use-api-form';
import { chatChannelsKey, loadChatChannels } from './chat-channels-api';
import { chatPlatforms, chatPlatformSigns } from '../../../workflows/flow/chat-platforms';
import { ChatChannel, ChatChannelBody, ChatChannelChange, ChatChannelTestResult } from '../../../api/contract/chat-channels';

/**
 * Chat channels an admin connects once (企业微信, 钉钉, 飞书, Slack): flow steps and people choose
 * them by name. Addresses and secrets go in and never come back: the page only says a secret is set.
 */
export function ChatChannelsPage() {
  return <QueryPage queryKey={chatChannelsKey} load={loadChatChannels} view={ChannelsView} />;
}

function ChannelsView({ data, reload }: { data: ChatChannel[]; reload: () => Promise<void> }) {
  const mayManage = useCan('manageChatChannels');
  const { t } = useTranslation('chat');
  return (
    <>
      <PageHead title={t('page.title')}>{t('page.intro')}</PageHead>
      {data.length === 0 ? (
        <p className="muted" data-testid="no-chat-channels">
          {t('page.none')}
        </p>
      ) : (
        data.map((channel) => <ChannelCard key={channel.id} channel={channel} mayManage={mayManage} reload={reload} />)
      )}
      {mayManage && (
        <Card title={t('page.connect')} testId="new-chat-channel">
          <NewChannelForm onSaved={reload} />
        </Card>
      )}
    </>
  );
}

function ChannelCard({ channel, mayManage, reload }: { channel: ChatChannel; mayManage: boolean; reload: () => Promise<void> }) {
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const { t } = useTranslation('chat');

  async function act(run: () => Promise<string | null>) {
    try {
      setNote(await run());
      setError(null);
    } catch (reason) {
      setNote(null);
      setError(errorMessage(reason));
    }
  }
  const test = () =>
    act(async () => {
      const result = await requestJson(ChatChannelTestResult, 'POST', `/api/chat-channels/${channel.id}/test`);
      if (!result.delivered) throw new Error(t('channel.notDelivered', { detail: result.detail }));
      return result.detail;
    });
  const remove = () =>
    act(async () => {
      if (!window.confirm(t('channel.confirmRemove', { name: channel.name }))) return null;
      await requestVoid('DELETE', `/api/chat-channels/${channel.id}`);
      await reload();
      return null;
    });

  return (
    <Card title={<><MessageSquare size={16} aria-hidden="true" /> {channel.name}</>} testId="chat-channel">
      <p>
        {t(`platforms.${channel.platform}`)}
        {chatPlatformSigns[channel.platform] && <> · {channel.hasSecret ? t('channel.signed') : t('channel.unsigned')}</>}
        <span className="muted small">
          {' '}
          · {t('channel.addressSet')} <TimeText at={channel.secretsChangedAt} hint={false} />
        </span>
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {mayManage && (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void test()} data-testid="test-chat-channel">
            <Send size={14} aria-hidden="true" /> {t('channel.test')}
          </button>
          <button type="button" className="button" aria-expanded={editing} onClick={() => setEditing((open) => !open)} data-testid="edit-chat-channel">
            {editing ? t('channel.closeEditor') : t('channel.edit')}
          </button>
          <button type="button" className="button" onClick={() => void remove()} data-testid="remove-chat-channel">
            <Trash2 size={14} aria-hidden="true" /> {t('channel.remove')}
          </button>
          <DoneNote text={note} />
        </div>
      )}
      {editing && (
        <EditChannelForm
          channel={channel}
          onSaved={async () => {
            setEditing(false);
            setNote(t('channel.saved'));
            await reload();
          }}
        />
      )}
    </Card>
  );
}

function NewChannelForm({ onSaved }: { onSaved: () => Promise<void> }) {
  const api = useApiForm({
    schema: ChatChannelBody,
    defaultValues: { name: '', platform: 'wecom', webhookUrl: '', secret: undefined },
    save: (body) => requestJson(ChatChannel, 'POST', '/api/chat-channels', body),
    onSaved: async (form) => {
      form.reset();
      await onSaved();
    },
  });
  const { form, saving, errorOf } = api;
  const { register } = form;
  const platform = form.watch('platform');
  const { t } = useTranslation('chat');
  return (
    <ApiFormElement api={api} className="subform" aria-label={t('page.connect')} data-testid="chat-channel-form">
      <div className="form-row">
        <Field label={t('form.name')} help={t('form.nameHelp')} error={errorOf('name')}>
          {(props) => <input {...props} type="text" {...register('name')} data-testid="chat-channel-name" />}
        </Field>
        <SelectField label={t('form.tool')} error={errorOf('platform')} registration={register('platform')} testId="chat-channel-platform">
          <Options items={chatPlatforms} labelOf={(p) => t(`platforms.${p}`)} />
        </SelectField>
      </div>
      <Field label={t('form.webhook')} help={t('form.webhookHelp')} error={errorOf('webhookUrl')}>
        {(props) => <input {...props} type="url" autoComplete="off" {...register('webhookUrl')} data-testid="chat-channel-url" />}
      </Field>
      {chatPlatformSigns[platform] && (
        <Field label={t('form.secret')} optional help={t('form.secretHelp')} error={errorOf('secret')}>
          {(props) => <input {...props} type="password" autoComplete="off" {...register('secret', { setValueAs: typed.optional })} data-testid="chat-channel-secret" />}
        </Field>
      )}
      <FormActions saving={saving} label={t('form.connect')} savingLabel={t('form.connecting')} testId="save-chat-channel" />
    </ApiFormElement>
  );
}

function EditChannelForm({ channel, onSaved }: { channel: ChatChannel; onSaved: () => Promise<void> }) {
  const api = useApiForm({
    schema: ChatChannelChange,
    defaultValues: { name: channel.name, webhookUrl: undefined, secret: undefined },
    save: (body) => requestJson(ChatChannel, 'PATCH', `/api/chat-channels/${channel.id}`, body),
    onSaved: () => onSaved(),
  });
  const { form, saving, errorOf } = api;
  const { register } = form;
  const { t } = useTranslation('chat');
  return (
    <ApiFormElement api={api} className="subform" aria-label={t('form.editLabel', { name: channel.name })} data-testid="chat-channel-edit">
      <Field label={t('form.name')} error={errorOf('name')}>
        {(props) => <input {...props} type="text" {...register('name', { setValueAs: typed.optional })} />}
      </Field>
      <Field label={t('form.newWebhook')} optional help={t('form.keep')} error={errorOf('webhookUrl')}>
        {(props) => <input {...props} type="url" autoComplete="off" {...register('webhookUrl', { setValueAs: typed.optional })} />}
      </Field>
      {chatPlatformSigns[channel.platform] && (
        <Field label={t('form.newSecret')} optional help={t('form.keep')} error={errorOf('secret')}>
          {(props) => <input {...props} type="password" autoComplete="off" {...register('secret', { setValueAs: typed.optional })} />}
        </Field>
      )}
      <FormActions saving={saving} label={t('form.save')} savingLabel={t('form.saving')} testId="save-chat-channel-edit" />
    </ApiFormElement>
  );
}
