import { LogIn } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../i18n/i18n';
import { ApiError, errorMessage } from '../api/client';
import { Field } from '../shared/Field';
import { signIn } from './session-api';
import { waitText } from './sign-in-model';

interface Refusal {
  message: string;
  /** Set after too many attempts: the form stays shut until then. */
  retryAt: number | null;
}

function refusalOf(error: unknown): Refusal {
  if (error instanceof ApiError && error.status === 429) {
    const retryAt = error.retryAfterSeconds === null ? null : Date.now() + error.retryAfterSeconds * 1000;
    return { message: retryAt === null ? error.message : i18next.t('auth:signIn.tooMany'), retryAt };
  }
  if (error instanceof ApiError && error.status === 401) return { message: error.message || i18next.t('auth:signIn.wrong'), retryAt: null };
  return { message: errorMessage(error), retryAt: null };
}

/** Seconds left until `at`, ticking once a second; 0 once it has passed (or when there is none). */
function useSecondsUntil(at: number | null): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (at === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/** E-mail and password; the API's refusal is shown above the button, with the wait after too many tries. */
export function SignInForm({ initialEmail = '', submitLabel }: { initialEmail?: string; submitLabel?: string }) {
  const { t } = useTranslation('auth');
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const waitSeconds = useSecondsUntil(refusal?.retryAt ?? null);
  const waiting = waitSeconds > 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await signIn(email.trim(), password);
      // The app shows the page asked for as soon as the session is known; this form goes away.
    } catch (error) {
      setRefusal(refusalOf(error));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <form className="sign-in__form" onSubmit={(event) => void submit(event)} aria-label={t('signIn.formLabel')} data-testid="sign-in-form">
      <Field label={t('signIn.email')}>
        {(props) => (
          <input {...props} type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} autoFocus={initialEmail === ''} data-testid="sign-in-email" />
        )}
      </Field>
      <Field label={t('signIn.password')}>
        {(props) => (
          <input {...props} type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} autoFocus={initialEmail !== ''} data-testid="sign-in-password" />
        )}
      </Field>
      {refusal && (
        <p className="callout callout--error" role="alert" data-testid="sign-in-error">
          {refusal.message}
          {refusal.retryAt !== null && ` ${waiting ? t('signIn.tryAgainIn', { wait: waitText(waitSeconds) }) : t('signIn.tryAgainNow')}`}
        </p>
      )}
      <button type="submit" className="button button--primary sign-in__submit" disabled={busy || waiting} data-testid="sign-in-submit">
        <LogIn size={15} aria-hidden="true" /> {busy ? t('signIn.signingIn') : (submitLabel ?? t('signIn.submit'))}
      </button>
    </form>
  );
}
