import { useQuery } from '@tanstack/react-query';
import { UserRoundPlus } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { PersonOptions } from '../shared/PersonOptions';
import { SelectField } from '../shared/SelectField';
import { requestJson } from '../shared/request';
import { typed, useApiForm } from '../shared/use-api-form';
import { ApprovalRequest, DecisionBody, DelegateCandidate } from '../../../api/contract/approvals';

/**
 * Hands a request on: to one of the people the API says may take it (nobody else is offered), with
 * the reason they will see. Over the page; Escape or Cancel closes it without sending anything.
 */
export function DelegateDialog({ request, subject, onClose, onDelegated }: { request: ApprovalRequest; subject: string; onClose: () => void; onDelegated: (to: string) => Promise<void> }) {
  const candidates = useQuery({
    queryKey: ['delegates', request.id],
    queryFn: ({ signal }) => requestJson(DelegateCandidate.array(), 'GET', `/api/approvals/${request.id}/delegates`, undefined, signal),
  });
  const people = candidates.data ?? [];
  const { t } = useTranslation('inbox');
  const api = useApiForm({
    schema: DecisionBody,
    defaultValues: { decision: 'delegate', delegateTo: '', comment: '' },
    save: (body) => requestJson(ApprovalRequest, 'POST', `/api/approvals/${request.id}/decision`, body),
    onSaved: async (form) => {
      const to = people.find((p) => p.id === form.getValues('delegateTo'))?.name ?? t('delegate.someoneElse');
      await onDelegated(to);
    },
  });
  const { form, saving, errorOf } = api;

  useEffect(() => {
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [onClose]);

  return (
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={`delegate-${request.id}`} data-testid="delegate-dialog">
        <ApiFormElement
          api={api}
          heading={
            <h2 id={`delegate-${request.id}`}>
              <UserRoundPlus size={18} aria-hidden="true" /> {t('delegate.title', { subject })}
            </h2>
          }
        >
          {candidates.isError && (
            <p className="error-text" role="alert">
              {errorMessage(candidates.error)}
            </p>
          )}
          <SelectField
            label={t('delegate.who')}
            help={candidates.isPending ? t('delegate.finding') : t('delegate.onlyAllowed')}
            error={errorOf('delegateTo')}
            registration={form.register('delegateTo', { setValueAs: typed.optional })}
            testId="delegate-to"
          >
            <option value="">{people.length === 0 && !candidates.isPending ? t('delegate.nobody') : t('delegate.choose')}</option>
            <PersonOptions people={people} />
          </SelectField>
          <Field label={t('delegate.reason')} help={t('delegate.reasonHelp')} error={errorOf('comment')}>
            {(props) => <textarea {...props} rows={3} {...form.register('comment')} data-testid="delegate-reason" autoFocus />}
          </Field>
          <FormActions saving={saving} label={t('delegate.submit')} savingLabel={t('delegate.submitting')} testId="confirm-delegate">
            <button type="button" className="button" onClick={onClose}>
              {t('delegate.cancel')}
            </button>
          </FormActions>
        </ApiFormElement>
      </div>
    </div>
  );
}
