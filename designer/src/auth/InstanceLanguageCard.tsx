import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Globe } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useSavedChoice } from '../shared/use-saved-choice';
import { Card } from '../shared/Card';
import { DoneNote } from '../shared/DoneNote';
import { Field } from '../shared/Field';
import { requestJson } from '../shared/request';
import { useCan } from './use-can';
import { InstanceLanguage } from '../../../api/contract/settings';
import { isLanguage, languages } from '../../../workflows/i18n/languages';

const instanceLanguageKey = ['settings', 'language'] as const;

/**
 * For admins: the language Milepost writes in (inbox messages, e-mails, chat) to people who chose
 * none of their own. Whoever chose one keeps theirs; the page shows such a person their browser's.
 */
export function InstanceLanguageCard() {
  const may = useCan('managePeople');
  const { t } = useTranslation(['auth', 'common']);
  const client = useQueryClient();
  const current = useQuery({ queryKey: instanceLanguageKey, queryFn: ({ signal }) => requestJson(InstanceLanguage, 'GET', '/api/settings/language', undefined, signal), enabled: may });
  const { saving, done, error, choose } = useSavedChoice(async (value: string) => {
    if (isLanguage(value)) client.setQueryData(instanceLanguageKey, await requestJson(InstanceLanguage, 'PUT', '/api/settings/language', { language: value }));
  });
  if (!may || !current.data) return null;

  return (
    <Card title={<><Globe size={16} aria-hidden="true" /> {t('account.instanceLanguage.title')}</>} testId="instance-language">
      <Field label={t('account.instanceLanguage.label')} help={t('account.instanceLanguage.help')} error={error ?? undefined}>
        {(props) => (
          <select {...props} value={current.data.language} disabled={saving} onChange={(event) => void choose(event.target.value)} data-testid="instance-language-choice">
            {languages.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`common:language.${language}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <DoneNote text={done && t('account.instanceLanguage.saved')} />
    </Card>
  );
}
