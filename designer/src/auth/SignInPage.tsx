import { Workflow } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { SignInForm } from './SignInForm';

/** Shown for every page until someone signs in; afterwards the page they asked for opens. */
export function SignInPage() {
  const { t } = useTranslation('auth');
  return (
    <main className="sign-in">
      <div className="sign-in__card card">
        <p className="sign-in__brand">
          <Workflow size={20} aria-hidden="true" /> {t('signIn.brand')}
        </p>
        <h1>{t('signIn.title')}</h1>
        <SignInForm />
      </div>
    </main>
  );
}

/** Over the page when the session ends while someone works: signing in again keeps what is on screen. */
export function SessionEndedDialog({ email }: { email: string }) {
  const { t } = useTranslation('auth');
  return (
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog sign-in__dialog" role="dialog" aria-modal="true" aria-labelledby="session-ended-title" data-testid="session-ended">
        <h2 id="session-ended-title">{t('sessionEnded.title')}</h2>
        <p className="muted">{t('sessionEnded.text')}</p>
        <SignInForm initialEmail={email} submitLabel={t('sessionEnded.submit')} />
      </div>
    </div>
  );
}
