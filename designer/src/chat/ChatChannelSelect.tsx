import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { chatChannelsKey, loadChatChannels } from './chat-channels-api';

/**
 * A choice of the connected chat channels, by name and tool, or none. A channel that was removed
 * since it was chosen stays shown as such, so the choice is not silently changed.
 */
export function ChatChannelSelect({
  id,
  value,
  onChange,
  disabled = false,
  invalid = false,
  noneLabel,
  testId = 'chat-channel-choice',
}: {
  id: string;
  value: string | null;
  onChange: (channelId: string | null) => void;
  disabled?: boolean;
  invalid?: boolean;
  noneLabel: string;
  testId?: string;
}) {
  const { t } = useTranslation('chat');
  const channels = useQuery({ queryKey: chatChannelsKey, queryFn: loadChatChannels });
  const known = channels.data ?? [];
  const missing = value !== null && channels.data !== undefined && !known.some((c) => c.id === value);
  return (
    <select id={id} value={value ?? ''} disabled={disabled || channels.isLoading} aria-invalid={invalid} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)} data-testid={testId}>
      <option value="">{channels.isLoading ? t('select.loading') : noneLabel}</option>
      {known.map((channel) => (
        <option key={channel.id} value={channel.id}>
          {t('select.option', { name: channel.name, platform: t(`platforms.${channel.platform}`) })}
        </option>
      ))}
      {missing && <option value={value}>{t('select.removed')}</option>}
    </select>
  );
}
