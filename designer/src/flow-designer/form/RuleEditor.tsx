import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VariableDef } from '../../../../workflows/flow';
import { variableLabel } from '../../i18n/flow-catalog';
import {
  comparisonLabel,
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

const ruleJoins: readonly RuleForm['join'][] = ['and', 'or'];

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
  const { t } = useTranslation('flowDesigner');
  if (asText || form === null) {
    return (
      <div className="rule">
        <RuleText id={id} value={value} onChange={onChange} disabled={disabled} invalid={invalid} />
        {form !== null && !disabled && (
          <button type="button" className="link" onClick={() => setAsText(false)}>
            {t('rule.editAsForm')}
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
          {t('rule.goYesWhen')}
          <select value={form.join} disabled={disabled} onChange={(event) => update({ ...form, join: event.target.value === 'or' ? 'or' : 'and' })}>
            {ruleJoins.map((join) => (
              <option key={join} value={join}>
                {t(`rule.joins.${join}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {form.comparisons.map((row, index) => {
        const listed = variables.some((v) => v.name === row.variable);
        return (
          <div className="rule__row" key={index}>
            <select
              aria-label={t('rule.variable')}
              value={row.variable}
              disabled={disabled}
              aria-invalid={invalid}
              onChange={(event) => setRow(index, { ...row, variable: event.target.value, value: parseComparisonValue(String(row.value), typeOf(event.target.value)) })}
            >
              {!listed && <option value={row.variable}>{t('rule.notKnownHere', { variable: variableLabel(row.variable) })}</option>}
              {variables.map((variable) => (
                <option key={variable.name} value={variable.name}>
                  {variableLabel(variable.name)}
                </option>
              ))}
            </select>
            <select
              aria-label={t('rule.comparison')}
              value={row.operator}
              disabled={disabled}
              onChange={(event) => isOperator(event.target.value) && setRow(index, { ...row, operator: event.target.value })}
            >
              {comparisonOperators.map((op) => (
                <option key={op} value={op}>
                  {comparisonLabel(op)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('rule.value')}
              value={String(row.value)}
              disabled={disabled}
              onChange={(event) => setRow(index, { ...row, value: parseComparisonValue(event.target.value, typeOf(row.variable)) })}
            />
            {form.comparisons.length > 1 && !disabled && (
              <button type="button" className="link" aria-label={t('rule.removeComparison')} onClick={() => update({ ...form, comparisons: form.comparisons.filter((_, i) => i !== index) })}>
                {t('rule.remove')}
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
            {t('rule.addComparison')}
          </button>
          <button type="button" className="link" onClick={() => setAsText(true)}>
            {t('rule.editAsJson')}
          </button>
        </div>
      )}
    </div>
  );
}

function RuleText({ id, value, onChange, disabled, invalid }: Omit<Props, 'variables'>) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [parseError, setParseError] = useState(false);
  const { t } = useTranslation('flowDesigner');
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
        data-i18n-data
        rows={6}
        value={text}
        disabled={disabled}
        aria-invalid={invalid || parseError}
        onChange={(event) => {
          setText(event.target.value);
          try {
            const parsed: unknown = JSON.parse(event.target.value);
            setParseError(false);
            onChange(parsed);
          } catch {
            setParseError(true);
          }
        }}
      />
      {parseError && <p className="field__error">{t('rule.notJson')}</p>}
    </>
  );
}
