import { MessageSquare, Send, Trash2 } from 'lucide-react';
import { useState } from 'react';
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
import { chatPlatformLabels, chatPlatforms, chatPlatformSigns } from '../../../workflows/flow/chat-platforms';
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
  return (
    <>
      <PageHead title="Chat channels">Where flow messages also go, as cards with the approve, reject and acknowledge buttons.</PageHead>
      {data.length === 0 ? (
        <p className="muted" data-testid="no-chat-channels">
          No chat channel is connected yet.
        </p>
      ) : (
        data.map((channel) => <ChannelCard key={channel.id} channel={channel} mayManage={mayManage} reload={reload} />)
      )}
      {mayManage && (
        <Card title="Connect a chat channel" testId="new-chat-channel">
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
      if (!result.delivered) throw new Error(`Not delivered: ${result.detail}`);
      return result.detail;
    });
  const remove = () =>
    act(async () => {
      if (!window.confirm(`Remove the chat channel “${channel.name}”? Steps that name it post nowhere.`)) return null;
      await requestVoid('DELETE', `/api/chat-channels/${channel.id}`);
      await reload();
      return null;
    });

  return (
    <Card title={<><MessageSquare size={16} aria-hidden="true" /> {channel.name}</>} testId="chat-channel">
      <p>
        {chatPlatformLabels[channel.platform]}
        {chatPlatformSigns[channel.platform] && <> · {channel.hasSecret ? 'signed with its secret' : 'no signing secret'}</>}
        <span className="muted small">
          {' '}
          · address set <TimeText at={channel.secretsChangedAt} hint={false} />
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
            <Send size={14} aria-hidden="true" /> Send a test message
          </button>
          <button type="button" className="button" aria-expanded={editing} onClick={() => setEditing((open) => !open)} data-testid="edit-chat-channel">
            {editing ? 'Close the editor' : 'Edit'}
          </button>
          <button type="button" className="button" onClick={() => void remove()} data-testid="remove-chat-channel">
            <Trash2 size={14} aria-hidden="true" /> Remove
          </button>
          <DoneNote text={note} />
        </div>
      )}
      {editing && (
        <EditChannelForm
          channel={channel}
          onSaved={async () => {
            setEditing(false);
            setNote('Saved.');
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
  return (
    <ApiFormElement api={api} className="subform" aria-label="Connect a chat channel" data-testid="chat-channel-form">
      <div className="form-row">
        <Field label="Name" help="How flow steps and people find it, e.g. the group’s name." error={errorOf('name')}>
          {(props) => <input {...props} type="text" {...register('name')} data-testid="chat-channel-name" />}
        </Field>
        <SelectField label="Chat tool" error={errorOf('platform')} registration={register('platform')} testId="chat-channel-platform">
          <Options items={chatPlatforms} labelOf={(p) => chatPlatformLabels[p]} />
        </SelectField>
      </div>
      <Field label="Webhook address" help="As the chat tool shows it when you add the robot; it is stored sealed and never shown again." error={errorOf('webhookUrl')}>
        {(props) => <input {...props} type="url" autoComplete="off" {...register('webhookUrl')} data-testid="chat-channel-url" />}
      </Field>
      {chatPlatformSigns[platform] && (
        <Field label="Signing secret" optional help="DingTalk’s 加签 secret (SEC…) or Feishu’s signature secret; stored sealed, never shown again." error={errorOf('secret')}>
          {(props) => <input {...props} type="password" autoComplete="off" {...register('secret', { setValueAs: typed.optional })} data-testid="chat-channel-secret" />}
        </Field>
      )}
      <FormActions saving={saving} label="Connect" savingLabel="Connecting…" testId="save-chat-channel" />
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
  return (
    <ApiFormElement api={api} className="subform" aria-label={`Edit ${channel.name}`} data-testid="chat-channel-edit">
      <Field label="Name" error={errorOf('name')}>
        {(props) => <input {...props} type="text" {...register('name', { setValueAs: typed.optional })} />}
      </Field>
      <Field label="New webhook address" optional help="Leave empty to keep the one stored." error={errorOf('webhookUrl')}>
        {(props) => <input {...props} type="url" autoComplete="off" {...register('webhookUrl', { setValueAs: typed.optional })} />}
      </Field>
      {chatPlatformSigns[channel.platform] && (
        <Field label="New signing secret" optional help="Leave empty to keep the one stored." error={errorOf('secret')}>
          {(props) => <input {...props} type="password" autoComplete="off" {...register('secret', { setValueAs: typed.optional })} />}
        </Field>
      )}
      <FormActions saving={saving} label="Save" savingLabel="Saving…" testId="save-chat-channel-edit" />
    </ApiFormElement>
  );
}
