import { Check, Copy, KeyRound, Trash2 } from 'lucide-react';
import { SelectField } from '../shared/SelectField';
import { Card } from '../shared/Card';
import { Options } from '../shared/Options';
import { TableHead } from '../shared/TableHead';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorMessage } from '../api/client';
import { PageHead } from '../app/PageHead';
import { PageState } from '../app/PageState';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { TimeText } from '../shared/TimeText';
import { usePageQuery } from '../app/queries';
import { useApiForm } from '../shared/use-api-form';
import { AbsenceCard } from './AbsenceCard';
import { LanguageCard } from './LanguageCard';
import { InstanceLanguageCard } from './InstanceLanguageCard';
import { roleHelpText, roleLabel } from './permissions';
import { changePassword, createToken, listTokens, loadSession, revokeToken } from './session-api';
import { useSession } from './session-store';
import { NewApiTokenBody, PasswordChangeBody, type ApiToken } from '../../../api/contract/auth';

/** The header an API token goes in (code, the same in every language). */
const bearerHeader = 'Authorization: Bearer …';

/** The signed-in person's own account: their password, their API tokens and their absence (and their reports'). */
export function AccountPage() {
  const { user } = useSession();
  const { t } = useTranslation('auth');
  return (
    <main className="page">
      <PageHead title={t('account.title')}>
        {user.name} · {user.email} · <span data-testid="account-role">{roleLabel(user.role)}</span> {t('account.roleHelp', { help: roleHelpText(user.role) })}
      </PageHead>
      <div className="columns">
        <div className="columns__main">
          <ApiTokens />
        </div>
        <aside className="columns__side">
          <LanguageCard />
          <InstanceLanguageCard />
          <AbsenceCard />
          <ChangePassword />
        </aside>
      </div>
    </main>
  );
}

/** The contract's body, and the new password typed a second time to catch a slip. */
const passwordFormIn = (mismatch: string) => PasswordChangeBody.extend({ repeat: z.string() }).refine((form) => form.repeat === form.newPassword, { path: ['repeat'], message: mismatch });

function ChangePassword() {
  const [done, setDone] = useState(false);
  const { t } = useTranslation('auth');
  const mismatch = t('account.password.mismatch');
  const passwordForm = useMemo(() => passwordFormIn(mismatch), [mismatch]);
  const api = useApiForm({
    schema: passwordForm,
    defaultValues: { currentPassword: '', newPassword: '', repeat: '' },
    save: async ({ currentPassword, newPassword }) => {
      setDone(false);
      await changePassword(currentPassword, newPassword);
    },
    onSaved: async (saved) => {
      saved.reset();
      setDone(true);
      // Changing the password may start a new session (and a new CSRF token) on the server.
      await loadSession();
    },
  });
  const { form, saving, errorOf } = api;
  const { register } = form;

  return (
    <ApiFormElement api={api} className="card" aria-labelledby="password-title" data-testid="change-password" heading={<h2 id="password-title">{t('account.password.title')}</h2>}>
      <Field label={t('account.password.current')} error={errorOf('currentPassword')}>
        {(props) => <input {...props} type="password" autoComplete="current-password" {...register('currentPassword')} data-testid="current-password" />}
      </Field>
      <Field label={t('account.password.new')} error={errorOf('newPassword')}>
        {(props) => <input {...props} type="password" autoComplete="new-password" {...register('newPassword')} data-testid="new-password" />}
      </Field>
      <Field label={t('account.password.repeat')} error={errorOf('repeat')}>
        {(props) => <input {...props} type="password" autoComplete="new-password" {...register('repeat')} data-testid="repeat-password" />}
      </Field>
      <FormActions saving={saving} label={t('account.password.submit')} savingLabel={t('account.password.submitting')}>
        {done && (
          <span className="good-text" role="status">
            <Check size={14} aria-hidden="true" /> {t('account.password.changed')}
          </span>
        )}
      </FormActions>
    </ApiFormElement>
  );
}

function ApiTokens() {
  const tokens = usePageQuery(['tokens'], listTokens);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation('auth');

  async function revoke(token: ApiToken) {
    if (!window.confirm(t('account.tokens.confirmRevoke', { name: token.name }))) return;
    try {
      await revokeToken(token.id);
      setError(null);
      await tokens.reload();
    } catch (reason) {
      setError(errorMessage(reason));
    }
  }

  return (
    <Card title={<><KeyRound size={16} aria-hidden="true" /> {t('account.tokens.title')}</>} testId="api-tokens">
      <p className="field__help">
        {t('account.tokens.introBefore')} <code>{bearerHeader}</code>
        {t('account.tokens.introAfter')}
      </p>
      {created && <NewTokenSecret name={created.name} token={created.token} onDone={() => setCreated(null)} />}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <PageState load={tokens.load} retry={tokens.retry}>
        {(list) => <TokenTable tokens={list} onRevoke={(token) => void revoke(token)} />}
      </PageState>
      <NewTokenForm
        onCreated={async (name, token) => {
          setCreated({ name, token });
          await tokens.reload();
        }}
      />
    </Card>
  );
}

function TokenTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const { t } = useTranslation('auth');
  const live = tokens.filter((token) => !token.revokedAt);
  if (live.length === 0) return <p className="muted" data-testid="no-tokens">{t('account.tokens.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="table table--compact" data-testid="token-table">
        <TableHead
          columns={[
            t('account.tokens.columns.name'),
            t('account.tokens.columns.role'),
            t('account.tokens.columns.created'),
            t('account.tokens.columns.expires'),
            t('account.tokens.columns.lastUsed'),
            { label: t('account.tokens.columns.revoke'), hidden: true },
          ]}
        />
        <tbody>
          {live.map((token) => (
            <tr key={token.id} data-testid="token-row">
              <td data-i18n-data>
                {token.name}
                {token.prefix && <span className="muted small"> {token.prefix}…</span>}
              </td>
              <td>{roleLabel(token.role)}</td>
              <td>
                <TimeText at={token.createdAt} hint={false} />
              </td>
              <td>{token.expiresAt ? <TimeText at={token.expiresAt} /> : <span className="muted">{t('account.tokens.never')}</span>}</td>
              <td>{token.lastUsedAt ? <TimeText at={token.lastUsedAt} /> : <span className="muted">{t('account.tokens.never')}</span>}</td>
              <td>
                <button type="button" className="icon-button" aria-label={t('account.tokens.revokeNamed', { name: token.name })} title={t('account.tokens.revoke')} onClick={() => onRevoke(token)}>
                  <Trash2 size={15} aria-hidden="true" />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewTokenForm({ onCreated }: { onCreated: (name: string, token: string) => Promise<void> }) {
  const { user, grantableRoles } = useSession();
  const { t } = useTranslation('auth');
  const api = useApiForm({
    schema: NewApiTokenBody,
    defaultValues: { name: '', role: grantableRoles.includes(user.role) ? user.role : (grantableRoles[0] ?? 'viewer'), expiresInDays: 90 },
    save: async (body) => {
      const created = await createToken(body);
      await onCreated(created.name, created.token);
    },
    onSaved: (saved) => saved.resetField('name'),
  });
  const { form, saving, errorOf } = api;
  const { register } = form;

  return (
    <ApiFormElement api={api} className="subform" aria-labelledby="new-token-title" data-testid="new-token-form" heading={<h3 id="new-token-title">{t('account.tokens.newTitle')}</h3>}>
      <div className="form-row">
        <Field label={t('account.tokens.name')} help={t('account.tokens.nameHelp')} error={errorOf('name')}>
          {(props) => <input {...props} maxLength={100} {...register('name')} data-testid="token-name" />}
        </Field>
        <SelectField label={t('account.tokens.role')} help={t('account.tokens.roleHelp')} error={errorOf('role')} registration={register('role')} testId="token-role">
          <Options items={grantableRoles} labelOf={(r) => t('account.tokens.roleOption', { role: roleLabel(r), help: roleHelpText(r) })} />
        </SelectField>
        <Field label={t('account.tokens.expiresAfter')} optional help={t('account.tokens.expiresHelp')} error={errorOf('expiresInDays')}>
          {(props) => <input {...props} inputMode="numeric" {...register('expiresInDays', { setValueAs: (days: string | number) => (days === '' ? undefined : Number(days)) })} data-testid="token-days" />}
        </Field>
      </div>
      <FormActions saving={saving} label={t('account.tokens.create')} savingLabel={t('account.tokens.creating')} testId="create-token" />
    </ApiFormElement>
  );
}

/** The secret, this once: nobody (not the server either) can show it again. */
function NewTokenSecret({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const { t } = useTranslation('auth');

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('yes');
    } catch {
      // No clipboard access (an insecure page, a refused permission): select it for Ctrl+C instead.
      input.current?.select();
      setCopied('select');
    }
  }

  return (
    <div className="callout callout--success token-secret" role="status" data-testid="new-token">
      <p>
        <strong>{t('account.tokens.created', { name })}</strong> {t('account.tokens.copyNow')}
      </p>
      <div className="token-secret__row">
        <input ref={input} readOnly value={token} aria-label={t('account.tokens.theNewToken')} onFocus={(event) => event.target.select()} data-testid="new-token-value" />
        <button type="button" className="button" onClick={() => void copy()} data-testid="copy-token">
          {copied === 'yes' ? <Check size={15} aria-hidden="true" /> : <Copy size={15} aria-hidden="true" />} {copied === 'yes' ? t('account.tokens.copied') : t('account.tokens.copy')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('account.tokens.done')}
        </button>
      </div>
      {copied === 'select' && <p className="small">{t('account.tokens.selectToCopy')}</p>}
    </div>
  );
}
