import { Plus, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { calendarUnits, type CalendarUnit } from '../../../../workflows/flow/duration';
import { simulatedAnswers, type SimulatedAnswer } from '../../../../workflows/flow/simulation';
import { usePeople } from '../../shared/people';
import { useEditorStore } from '../editor/store';
import { useStepLabels } from './use-step-labels';

/** Steps a person answers, so a test run can script their answer. */
const humanKinds = new Set(['approval', 'wait_for_ack']);

export interface ResponseRow {
  readonly key: number;
  nodeId: string;
  userId: string;
  answer: SimulatedAnswer;
  amount: string;
  unit: CalendarUnit;
}


/** A test run's script: who answers which step, how, and how long after being asked. */
export function ScriptedAnswers({ rows, onChange }: { rows: ResponseRow[]; onChange: (rows: ResponseRow[]) => void }) {
  const { t } = useTranslation('flowRuns');
  const label = useStepLabels();
  // A string, so this panel re-renders when the human steps change, not on every drag.
  const humanSteps = useEditorStore((s) => s.nodes.filter((n) => humanKinds.has(n.data.kind)).map((n) => n.id).join('\n'));
  const users = usePeople();
  const steps = humanSteps === '' ? [] : humanSteps.split('\n');
  const update = (key: number, change: Partial<ResponseRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <fieldset className="group">
      <legend>{t('answers.legend')}</legend>
      <p className="field__help">{t('answers.help')}</p>
      {rows.map((row, index) => (
        <div key={row.key} className="response-row" data-testid={`test-run-response-${index}`}>
          <select value={row.nodeId} onChange={(e) => update(row.key, { nodeId: e.target.value })} aria-label={t('answers.step')} data-testid="response-step">
            <option value="">{t('answers.anyStep')}</option>
            {steps.map((id) => <option key={id} value={id}>{label(id)}</option>)}
          </select>
          <select value={row.userId} onChange={(e) => update(row.key, { userId: e.target.value })} aria-label={t('answers.person')} data-testid="response-person">
            <option value="">{t('answers.whoever')}</option>
            {users.status === 'ready' && users.users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
          <select value={row.answer} onChange={(e) => update(row.key, { answer: e.target.value as SimulatedAnswer })} aria-label={t('answers.answer')} data-testid="response-answer">
            {simulatedAnswers.map((a) => <option key={a} value={a}>{t(`answers.answers.${a}`)}</option>)}
          </select>
          <span className="response-row__after">
            {t('answers.after')}
            <input type="number" min={0} step="any" value={row.amount} onChange={(e) => update(row.key, { amount: e.target.value })} aria-label={t('answers.afterHowLong')} placeholder={t('answers.atOnce')} />
            <select value={row.unit} onChange={(e) => update(row.key, { unit: e.target.value as CalendarUnit })} aria-label={t('answers.unit')}>
              {calendarUnits.map((u) => <option key={u} value={u}>{t(`answers.units.${u}`)}</option>)}
            </select>
          </span>
          <button type="button" className="icon-button" onClick={() => onChange(rows.filter((r) => r.key !== row.key))} aria-label={t('answers.remove')}>
            <Trash2 size={14} />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, { key: Date.now() + rows.length, nodeId: steps[0] ?? '', userId: '', answer: 'approve', amount: '', unit: 'hours' }])}
        data-testid="test-run-add-response"
      >
        <Plus size={14} aria-hidden="true" /> {t('answers.add')}
      </button>
    </fieldset>
  );
}
