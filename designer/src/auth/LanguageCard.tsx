import { Languages } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useSavedChoice } from '../shared/use-saved-choice';
import { Card } from '../shared/Card';
import { DoneNote } from '../shared/DoneNote';
import { Field } from '../shared/Field';
import { setLanguage } from './session-api';
import { useSession } from './session-store';
import { defaultLanguage, isLanguage, languages, matchLanguage } from '../../../workflows/i18n/languages';

/**
 * The language Milepost speaks to the signed-in person: chosen here, kept with their account, so
 * it follows them to every browser; "as my browser" lets each browser decide. The page changes at once.
 */
export function LanguageCard() {
  const { user } = useSession();
  const { t } = useTranslation(['auth', 'common', 'app']);
  const { saving, done, error, choose } = useSavedChoice((value: string) => setLanguage(isLanguage(value) ? value : null));
  const browser = matchLanguage(navigator.language) ?? defaultLanguage;

  return (
    <Card title={<><Languages size={16} aria-hidden="true" /> {t('account.language.title')}</>} testId="language">
      <Field label={t('account.language.label')} help={t('account.language.help')} error={error ?? undefined}>
        {(props) => (
          <select {...props} value={user.language ?? ''} disabled={saving} onChange={(event) => void choose(event.target.value)} data-testid="language-choice">
            {languages.map((language) => (
              // Each language by its own name, so whoever cannot read the page still finds theirs.
              <option key={language} value={language} lang={language}>
                {t(`common:language.${language}`)}
              </option>
            ))}
            <option value="">{t('app:languageSwitch.browser', { language: t(`common:language.${browser}`) })}</option>
          </select>
        )}
      </Field>
      <DoneNote text={done && t('account.language.saved')} />
    </Card>
  );
}
