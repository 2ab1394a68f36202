import { LogOut, UserRound } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { errorMessage } from '../api/client';
import { roleLabel } from './permissions';
import { signOut } from './session-api';
import { useSession } from './session-store';

/** Who is signed in (with their role), their account page, and signing out. */
export function UserMenu() {
  const { user } = useSession();
  const { t } = useTranslation('auth');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function leave() {
    setBusy(true);
    try {
      // The app turns to the sign-in page by itself once the session is gone.
      await signOut();
    } catch (reason) {
      setError(t('userMenu.notSignedOut', { reason: errorMessage(reason) }));
      setBusy(false);
    }
  }

  return (
    <div className="user-menu">
      <Link href="/account" className="user-menu__who" title={t('userMenu.accountTitle')} data-testid="signed-in-as">
        <UserRound size={15} aria-hidden="true" />
        <span className="user-menu__name">{user.name}</span>
        <span className="user-menu__role">{roleLabel(user.role)}</span>
      </Link>
      <button type="button" className="user-menu__out" onClick={() => void leave()} disabled={busy} data-testid="sign-out">
        <LogOut size={15} aria-hidden="true" /> {busy ? t('userMenu.signingOut') : t('userMenu.signOut')}
      </button>
      {error && (
        <span className="user-menu__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
