import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../shared/Card';
import { z } from 'zod';
import { useSession } from '../auth/session-store';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Field } from '../shared/Field';
import { FormActions } from '../shared/FormActions';
import { requestJson } from '../shared/request';
import { TimeText } from '../shared/TimeText';
import { useApiForm } from '../shared/use-api-form';
import { DoneNote } from '../shared/DoneNote';
import { RetrospectiveInput, RetrospectiveInputBody, type Retrospective } from '../../../api/contract/retrospectives';

/** The contract's body, with the action items typed one per line. */
const answersForm = RetrospectiveInputBody.extend({
  actionItems: z
    .string()
    .transform((text) => text.split('\n').map((line) => line.trim()).filter((line) => line !== ''))
    .pipe(RetrospectiveInputBody.shape.actionItems),
});

/** The three questions, answered by the signed-in person; answering again replaces the earlier answer. */
export function TeamInputForm({ retrospective, onSaved }: { retrospective: Retrospective; onSaved: () => Promise<void> }) {
  const { user } = useSession();
  const mine = retrospective.inputs.find((input) => input.userId === user.id);
  const [done, setDone] = useState<string | null>(null);
  const { t } = useTranslation('retrospective');
  const api = useApiForm({
    schema: answersForm,
    defaultValues: { wentWell: mine?.wentWell ?? '', toImprove: mine?.toImprove ?? '', actionItems: mine?.actionItems.join('\n') ?? '' },
    save: async (body) => {
      setDone(null);
      const saved = await requestJson(RetrospectiveInput, 'POST', `/api/retrospectives/${retrospective.id}/inputs`, body);
      setDone(saved.late ? t('input.thanksLate') : t('input.thanks'));
    },
    // What was sent stays in the form: answering again replaces it.
    onSaved: () => onSaved(),
  });
  const { form, saving, errorOf } = api;
  const { register } = form;
  const late = Date.parse(retrospective.inputDueAt) < Date.now();

  return (
    <ApiFormElement api={api} className="card" aria-labelledby="team-input-title" data-testid="team-input-form">
      <h2 id="team-input-title">{mine ? t('input.mine') : t('input.yours')}</h2>
      <p className="field__help">
        {t('input.due')} <TimeText at={retrospective.inputDueAt} />
        {late && t('input.lateTaken')}
      </p>
      <Field label={t('input.wentWell')} error={errorOf('wentWell')}>
        {(props) => <textarea {...props} rows={3} {...register('wentWell')} data-testid="went-well" />}
      </Field>
      <Field label={t('input.toImprove')} error={errorOf('toImprove')}>
        {(props) => <textarea {...props} rows={3} {...register('toImprove')} data-testid="to-improve" />}
      </Field>
      <Field label={t('input.actionItems')} help={t('input.actionItemsHelp')} optional error={errorOf('actionItems')}>
        {(props) => <textarea {...props} rows={3} {...register('actionItems')} data-testid="action-items" />}
      </Field>
      <FormActions saving={saving} label={mine ? t('input.update') : t('input.send')} savingLabel={t('input.sending')} testId="team-input-save">
        <DoneNote text={done} />
      </FormActions>
    </ApiFormElement>
  );
}

export function TeamInputList({ retrospective }: { retrospective: Retrospective }) {
  const { t } = useTranslation('retrospective');
  return (
    <Card title={<>{t('answers.title')} <span className="count">{retrospective.inputs.length}</span></>} testId="team-input-list">
      {retrospective.inputs.length === 0 ? (
        <p className="muted">{t('answers.none')}</p>
      ) : (
        <ul className="answers">
          {retrospective.inputs.map((input) => (
            <li key={input.id} className="answers__item">
              <p className="answers__who">
                <strong>{input.name}</strong> <span className="small muted">{<TimeText at={input.submittedAt} />}</span>
                {input.late && <span className="pill pill--missed">{t('answers.late')}</span>}
              </p>
              <dl>
                <dt>{t('answers.wentWell')}</dt>
                <dd>{input.wentWell}</dd>
                <dt>{t('answers.toImprove')}</dt>
                <dd>{input.toImprove}</dd>
                {input.actionItems.length > 0 && (
                  <>
                    <dt>{t('answers.actionItems')}</dt>
                    <dd>
                      <ul>
                        {input.actionItems.map((item, index) => (
                          <li key={index}>{item}</li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
