import { Workflow } from 'lucide-react';
import { SignInForm } from './SignInForm';

/** Shown for every page until someone signs in; afterwards the page they asked for opens. */
export function SignInPage() {
  return (
    <main className="sign-in">
      <div className="sign-in__card card">
        <p className="sign-in__brand">
          <Workflow size={20} aria-hidden="true" /> Milepost
        </p>
        <h1>Sign in</h1>
        <SignInForm />
      </div>
    </main>
  );
}

/** Over the page when the session ends while someone works: signing in again keeps what is on screen. */
export function SessionEndedDialog({ email }: { email: string }) {
  return (
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog sign-in__dialog" role="dialog" aria-modal="true" aria-labelledby="session-ended-title" data-testid="session-ended">
        <h2 id="session-ended-title">Your session has ended</h2>
        <p className="muted">Sign in again to carry on; what is on this page stays as it is. Then repeat your last action.</p>
        <SignInForm initialEmail={email} submitLabel="Sign in again" />
      </div>
    </div>
  );
}
