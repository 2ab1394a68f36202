import { Plus, Trash2 } from 'lucide-react';
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

const answerLabels: Record<SimulatedAnswer, string> = { approve: 'approves', reject: 'rejects', acknowledge: 'acknowledges', silent: 'stays silent' };

/** A test run's script: who answers which step, how, and how long after being asked. */
export function ScriptedAnswers({ rows, onChange }: { rows: ResponseRow[]; onChange: (rows: ResponseRow[]) => void }) {
  const label = useStepLabels();
  // A string, so this panel re-renders when the human steps change, not on every drag.
  const humanSteps = useEditorStore((s) => s.nodes.filter((n) => humanKinds.has(n.data.kind)).map((n) => n.id).join('\n'));
  const users = usePeople();
  const steps = humanSteps === '' ? [] : humanSteps.split('\n');
  const update = (key: number, change: Partial<ResponseRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <fieldset className="group">
      <legend>Scripted answers</legend>
      <p className="field__help">Who answers which step, how, and how long after being asked. A request nobody answers here times out as it would for real.</p>
      {rows.map((row, index) => (
        <div key={row.key} className="response-row" data-testid={`test-run-response-${index}`}>
          <select value={row.nodeId} onChange={(e) => update(row.key, { nodeId: e.target.value })} aria-label="Step" data-testid="response-step">
            <option value="">Any step</option>
            {steps.map((id) => <option key={id} value={id}>{label(id)}</option>)}
          </select>
          <select value={row.userId} onChange={(e) => update(row.key, { userId: e.target.value })} aria-label="Person" data-testid="response-person">
            <option value="">Whoever is asked</option>
            {users.status === 'ready' && users.users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
          <select value={row.answer} onChange={(e) => update(row.key, { answer: e.target.value as SimulatedAnswer })} aria-label="Answer" data-testid="response-answer">
            {simulatedAnswers.map((a) => <option key={a} value={a}>{answerLabels[a]}</option>)}
          </select>
          <span className="response-row__after">
            after
            <input type="number" min={0} step="any" value={row.amount} onChange={(e) => update(row.key, { amount: e.target.value })} aria-label="After how long" placeholder="at once" />
            <select value={row.unit} onChange={(e) => update(row.key, { unit: e.target.value as CalendarUnit })} aria-label="Unit">
              {calendarUnits.map((u) => <option key={u} value={u}>{u}</option>)}
            </select>
          </span>
          <button type="button" className="icon-button" onClick={() => onChange(rows.filter((r) => r.key !== row.key))} aria-label="Remove this answer">
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
        <Plus size={14} aria-hidden="true" /> Add an answer
      </button>
    </fieldset>
  );
}
