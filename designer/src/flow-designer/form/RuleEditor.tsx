import { useEffect, useState } from 'react';
import type { VariableDef } from '../../../../workflows/flow';
import { variableLabel } from '../graph/summary';
import {
  comparisonLabels,
  comparisonOperators,
  formToRule,
  parseComparisonValue,
  ruleToForm,
  type Comparison,
  type ComparisonOperator,
  type RuleForm,
} from './rule-form';

interface Props {
  readonly id: string;
  readonly value: unknown;
  readonly onChange: (rule: unknown) => void;
  readonly variables: readonly VariableDef[];
  readonly disabled: boolean;
  readonly invalid: boolean;
}

function isOperator(value: string): value is ComparisonOperator {
  return comparisonOperators.some((op) => op === value);
}

/**
 * A condition as rows of "variable – comparison – value". Rules the rows cannot express stay
 * editable as JSON Logic text, so nothing written elsewhere is lost by opening it here.
 */
export function RuleEditor({ id, value, onChange, variables, disabled, invalid }: Props) {
  const form = ruleToForm(value);
  const [asText, setAsText] = useState(form === null);
  if (asText || form === null) {
    return (
      <div className="rule">
        <RuleText id={id} value={value} onChange={onChange} disabled={disabled} invalid={invalid} />
        {form !== null && !disabled && (
          <button type="button" className="link" onClick={() => setAsText(false)}>
            Edit as a form
          </button>
        )}
      </div>
    );
  }
  const update = (next: RuleForm) => onChange(formToRule(next));
  const typeOf = (name: string) => variables.find((v) => v.name === name)?.type;
  const setRow = (index: number, row: Comparison) => update({ ...form, comparisons: form.comparisons.map((c, i) => (i === index ? row : c)) });
  const firstNumber = variables.find((v) => v.type === 'number') ?? variables[0];

  return (
    <div className="rule" id={id}>
      {form.comparisons.length > 1 && (
        <label className="rule__join">
          Go along “yes” when
          <select value={form.join} disabled={disabled} onChange={(event) => update({ ...form, join: event.target.value === 'or' ? 'or' : 'and' })}>
            <option value="and">all of these hold</option>
            <option value="or">any of these holds</option>
          </select>
        </label>
      )}
      {form.comparisons.map((row, index) => {
        const listed = variables.some((v) => v.name === row.variable);
        return (
          <div className="rule__row" key={index}>
            <select
              aria-label="Variable"
              value={row.variable}
              disabled={disabled}
              aria-invalid={invalid}
              onChange={(event) => setRow(index, { ...row, variable: event.target.value, value: parseComparisonValue(String(row.value), typeOf(event.target.value)) })}
            >
              {!listed && <option value={row.variable}>{variableLabel(row.variable)} (not known here)</option>}
              {variables.map((variable) => (
                <option key={variable.name} value={variable.name}>
                  {variable.label}
                </option>
              ))}
            </select>
            <select
              aria-label="Comparison"
              value={row.operator}
              disabled={disabled}
              onChange={(event) => isOperator(event.target.value) && setRow(index, { ...row, operator: event.target.value })}
            >
              {comparisonOperators.map((op) => (
                <option key={op} value={op}>
                  {comparisonLabels[op]}
                </option>
              ))}
            </select>
            <input
              aria-label="Value"
              value={String(row.value)}
              disabled={disabled}
              onChange={(event) => setRow(index, { ...row, value: parseComparisonValue(event.target.value, typeOf(row.variable)) })}
            />
            {form.comparisons.length > 1 && !disabled && (
              <button type="button" className="link" aria-label="Remove this comparison" onClick={() => update({ ...form, comparisons: form.comparisons.filter((_, i) => i !== index) })}>
                Remove
              </button>
            )}
          </div>
        );
      })}
      {!disabled && (
        <div className="rule__actions">
          <button
            type="button"
            className="link"
            onClick={() => update({ ...form, comparisons: [...form.comparisons, { variable: firstNumber?.name ?? 'project.attainmentPct', operator: '<', value: 0 }] })}
          >
            Add a comparison
          </button>
          <button type="button" className="link" onClick={() => setAsText(true)}>
            Edit as JSON Logic
          </button>
        </div>
      )}
    </div>
  );
}

function RuleText({ id, value, onChange, disabled, invalid }: Omit<Props, 'variables'>) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  // Follow outside changes (undo) unless they are just what was typed.
  useEffect(() => {
    setText((current) => {
      try {
        return JSON.stringify(JSON.parse(current)) === JSON.stringify(value) ? current : JSON.stringify(value, null, 2);
      } catch {
        return current;
      }
    });
  }, [value]);
  return (
    <>
      <textarea
        id={id}
        className="mono"
        rows={6}
        value={text}
        disabled={disabled}
        aria-invalid={invalid || parseError !== null}
        onChange={(event) => {
          setText(event.target.value);
          try {
            const parsed: unknown = JSON.parse(event.target.value);
            setParseError(null);
            onChange(parsed);
          } catch {
            setParseError('This is not valid JSON yet; the rule keeps its last valid form until it is.');
          }
        }}
      />
      {parseError !== null && <p className="field__error">{parseError}</p>}
    </>
  );
}
