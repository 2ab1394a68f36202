import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { variableLabel } from '../../i18n/flow-catalog';
import { fieldHasProblem } from '../graph/diagnostics';
import { useFormContext } from './form-context';
import { defaultValue, isRecord, switchVariant, variantIndexOf, withField, type Field, type FieldSpec, type ObjectSpec, type VariantsSpec } from './form-spec';
import { PeoplePicker, PersonPicker } from './PeoplePicker';
import { RuleEditor } from './RuleEditor';
import { ChatChannelSelect } from '../../chat/ChatChannelSelect';

interface FieldProps<V = unknown> {
  readonly field: Field;
  readonly path: string;
  readonly value: V;
  readonly onChange: (value: unknown) => void;
}

/** Messages of the diagnostics that point exactly at this field. */
function useFieldProblems(path: string): { messages: string[]; marked: boolean } {
  const { problems } = useFormContext();
  return {
    messages: problems.filter((p) => p.field === path).map((p) => p.message),
    marked: fieldHasProblem(problems, path),
  };
}

function Row({ field, path, inputId, children }: { field: Field; path: string; inputId: string; children: ReactNode }) {
  const { messages, marked } = useFieldProblems(path);
  const { t } = useTranslation('flowDesigner');
  return (
    <div className={`field${marked ? ' field--problem' : ''}`} data-field={path}>
      <label htmlFor={inputId} className="field__label">
        {field.title}
        {!field.required && <span className="field__optional">{t('form.optional')}</span>}
      </label>
      {field.description !== undefined && <p className="field__help">{field.description}</p>}
      {children}
      {messages.map((message) => (
        <p key={message} className="field__error">
          {message}
        </p>
      ))}
    </div>
  );
}

function TextInput({ field, path, value, onChange }: FieldProps) {
  const id = useId();
  const { disabled, variables, templateFields } = useFormContext();
  const { marked } = useFieldProblems(path);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const { t } = useTranslation('flowDesigner');
  const spec = field.spec;
  const text = typeof value === 'string' ? value : '';
  const set = (next: string) => onChange(next === '' && !field.required ? undefined : next);

  function insertVariable(name: string) {
    const element = ref.current;
    const token = `{{${name}}}`;
    const at = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? at;
    set(text.slice(0, at) + token + text.slice(end));
  }

  const common = { id, ref, value: text, disabled, 'aria-invalid': marked, maxLength: spec.type === 'text' ? spec.maxLength : undefined };
  return (
    <Row field={field} path={path} inputId={id}>
      {spec.type === 'text' && spec.multiline ? (
        <textarea {...common} data-i18n-data rows={6} onChange={(event) => set(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => set(event.target.value)} />
      )}
      {templateFields.has(path) && !disabled && variables.length > 0 && (
        <select className="insert-variable" value="" aria-label={t('form.insertVariableInto', { field: field.title })} onChange={(event) => event.target.value !== '' && insertVariable(event.target.value)}>
          <option value="">{t('form.insertVariable')}</option>
          {variables.map((variable) => (
            <option key={variable.name} value={variable.name}>
              {variableLabel(variable.name)} — {`{{${variable.name}}}`}
            </option>
          ))}
        </select>
      )}
    </Row>
  );
}

function NumberInput({ field, path, value, onChange }: FieldProps) {
  const id = useId();
  const { disabled } = useFormContext();
  const { marked } = useFieldProblems(path);
  const spec = field.spec;
  // The box may hold text that is not a number yet ("", "-"); the config only gets real numbers.
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  useEffect(() => {
    setText((current) => (Number(current) === value && current.trim() !== '' ? current : typeof value === 'number' ? String(value) : current));
  }, [value]);
  return (
    <Row field={field} path={path} inputId={id}>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        disabled={disabled}
        aria-invalid={marked}
        min={spec.type === 'number' ? spec.min : undefined}
        max={spec.type === 'number' ? spec.max : undefined}
        step={spec.type === 'number' && spec.integer ? 1 : 'any'}
        onChange={(event) => {
          setText(event.target.value);
          const number = event.target.valueAsNumber;
          onChange(event.target.value.trim() === '' || Number.isNaN(number) ? undefined : number);
        }}
      />
    </Row>
  );
}

function Choice({ field, path, value, onChange, options }: FieldProps & { options: readonly { value: string; label: string }[] }) {
  const id = useId();
  const { disabled } = useFormContext();
  const { marked } = useFieldProblems(path);
  const { t } = useTranslation('flowDesigner');
  const current = typeof value === 'string' ? value : '';
  return (
    <Row field={field} path={path} inputId={id}>
      <select id={id} value={current} disabled={disabled} aria-invalid={marked} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}>
        {(current === '' || !field.required) && <option value="">{field.required ? t('form.choose') : t('none', { ns: 'common' })}</option>}
        {current !== '' && !options.some((o) => o.value === current) && <option value={current}>{t('form.notAllowed', { value: current })}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Row>
  );
}

/** Several of a fixed list; none ticked leaves the setting out (its default applies). */
function Choices({ field, path, value, onChange, options }: FieldProps & { options: readonly { value: string; label: string }[] }) {
  const id = useId();
  const { disabled } = useFormContext();
  const chosen = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const toggle = (option: string, on: boolean) => {
    const next = options.map((o) => o.value).filter((v) => (v === option ? on : chosen.includes(v)));
    onChange(next.length === 0 ? undefined : next);
  };
  return (
    <Row field={field} path={path} inputId={id}>
      <div id={id} className="choices">
        {options.map((option) => (
          <label key={option.value} className="field--inline">
            <input type="checkbox" checked={chosen.includes(option.value)} disabled={disabled} onChange={(event) => toggle(option.value, event.target.checked)} /> {option.label}
          </label>
        ))}
      </div>
    </Row>
  );
}

function Checkbox({ field, path, value, onChange }: FieldProps) {
  const id = useId();
  const { disabled } = useFormContext();
  const { messages } = useFieldProblems(path);
  return (
    <div className="field field--inline" data-field={path}>
      <input id={id} type="checkbox" checked={value === true} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{field.title}</label>
      {messages.map((message) => (
        <p key={message} className="field__error">
          {message}
        </p>
      ))}
    </div>
  );
}

function HeaderList({ field, path, value, onChange }: FieldProps) {
  const id = useId();
  const { disabled } = useFormContext();
  const { t } = useTranslation('flowDesigner');
  const entries = Object.entries(isRecord(value) ? value : {}).map(([name, text]) => [name, typeof text === 'string' ? text : ''] as const);
  const write = (next: readonly (readonly [string, string])[]) => onChange(Object.fromEntries(next));
  return (
    <Row field={field} path={path} inputId={id}>
      <div className="pairs" id={id}>
        {entries.map(([name, text], index) => (
          <div className="pairs__row" key={index} data-field={`${path}.${name}`}>
            <input aria-label={t('form.headerName')} value={name} disabled={disabled} onChange={(event) => write(entries.map((e, i) => (i === index ? [event.target.value, e[1]] : e)))} />
            <input aria-label={t('form.headerValue')} value={text} disabled={disabled} onChange={(event) => write(entries.map((e, i) => (i === index ? [e[0], event.target.value] : e)))} />
            {!disabled && (
              <button type="button" className="link" onClick={() => write(entries.filter((_, i) => i !== index))}>
                {t('form.remove')}
              </button>
            )}
          </div>
        ))}
        {!disabled && (
          <button type="button" className="link" onClick={() => write([...entries, [`X-Header-${entries.length + 1}`, '']])}>
            {t('form.addHeader')}
          </button>
        )}
      </div>
    </Row>
  );
}

function ObjectFields({ spec, path, value, onChange }: { spec: ObjectSpec; path: string; value: unknown; onChange: (value: unknown) => void }) {
  const object = isRecord(value) ? value : {};
  return (
    <>
      {spec.fields.map((f) => (
        <FieldView key={f.key} field={f} path={path === '' ? f.key : `${path}.${f.key}`} value={object[f.key]} onChange={(next) => onChange(withField(object, f.key, next))} />
      ))}
    </>
  );
}

function Variants({ field, path, value, onChange, spec }: FieldProps & { spec: VariantsSpec }) {
  const id = useId();
  const { disabled } = useFormContext();
  const { t } = useTranslation('flowDesigner');
  const { marked, messages } = useFieldProblems(path);
  const discriminatorPath = path === '' ? spec.discriminator : `${path}.${spec.discriminator}`;
  const discriminatorProblems = useFieldProblems(discriminatorPath);
  const index = value === undefined ? -1 : variantIndexOf(spec, value);
  const variant = spec.variants[index];
  const object = isRecord(value) ? value : {};
  const chosen = typeof object[spec.discriminator] === 'string' ? String(object[spec.discriminator]) : '';
  // An inline pair (a duration) has one more field, whose problems show under the pair.
  const [only] = variant?.fields ?? spec.variants[0]?.fields ?? [];
  const onlyProblems = useFieldProblems(only === undefined ? `${path}.` : path === '' ? only.key : `${path}.${only.key}`);

  const select = (
    <select
      id={id}
      value={index === -1 ? '' : chosen}
      disabled={disabled}
      aria-invalid={marked}
      aria-label={spec.inline ? t('form.pairLabel', { field: field.title, part: spec.discriminatorTitle }) : undefined}
      onChange={(event) => onChange(event.target.value === '' ? undefined : switchVariant(spec, value, event.target.value))}
    >
      {(index === -1 || !field.required) && <option value="">{field.required ? t('form.choose') : t('form.nobodyElse')}</option>}
      {spec.options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );

  if (spec.inline) {
    return (
      <div className={`field${marked ? ' field--problem' : ''}`} data-field={path}>
        <label htmlFor={only === undefined ? id : `${id}-amount`} className="field__label">
          {field.title}
        </label>
        {field.description !== undefined && <p className="field__help">{field.description}</p>}
        <div className="inline-pair">
          {only !== undefined && (
            <InlineNumber id={`${id}-amount`} value={object[only.key]} spec={only.spec} disabled={disabled || index === -1} onChange={(next) => onChange(withField(object, only.key, next))} label={t('form.pairLabel', { field: field.title, part: only.title })} />
          )}
          {select}
        </div>
        {[...new Set([...messages, ...discriminatorProblems.messages, ...(only === undefined ? [] : onlyProblems.messages)])].map((message) => (
          <p key={message} className="field__error">
            {message}
          </p>
        ))}
      </div>
    );
  }

  const label = path === '' ? spec.discriminatorTitle : field.title;
  return (
    <fieldset className={`group${marked ? ' group--problem' : ''}`} data-field={path}>
      <div className="field" data-field={discriminatorPath}>
        <label htmlFor={id} className="field__label">
          {label}
          {!field.required && <span className="field__optional">{t('form.optional')}</span>}
        </label>
        {field.description !== undefined && <p className="field__help">{field.description}</p>}
        {select}
        {[...new Set([...messages, ...discriminatorProblems.messages])].map((message) => (
          <p key={message} className="field__error">
            {message}
          </p>
        ))}
      </div>
      {variant !== undefined && variant.fields.length > 0 && (
        <div className="group__body">
          <ObjectFields spec={variant} path={path} value={value} onChange={onChange} />
        </div>
      )}
    </fieldset>
  );
}

function InlineNumber({ id, value, spec, disabled, onChange, label }: { id: string; value: unknown; spec: FieldSpec; disabled: boolean; onChange: (value: unknown) => void; label: string }) {
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  useEffect(() => {
    setText((current) => (Number(current) === value && current.trim() !== '' ? current : typeof value === 'number' ? String(value) : current));
  }, [value]);
  return (
    <input
      id={id}
      type="number"
      aria-label={label}
      value={text}
      disabled={disabled}
      min={spec.type === 'number' ? spec.min : undefined}
      step={spec.type === 'number' && spec.integer ? 1 : 'any'}
      onChange={(event) => {
        setText(event.target.value);
        const number = event.target.valueAsNumber;
        onChange(event.target.value.trim() === '' || Number.isNaN(number) ? undefined : number);
      }}
    />
  );
}

function PersonField({ field, path, value, onChange }: FieldProps) {
  const id = useId();
  const { disabled } = useFormContext();
  const { marked } = useFieldProblems(path);
  return (
    <Row field={field} path={path} inputId={id}>
      <PersonPicker id={id} value={typeof value === 'string' ? value : ''} onChange={onChange} disabled={disabled} invalid={marked} />
    </Row>
  );
}

function PeopleField({ field, path, value, onChange }: FieldProps) {
  const id = useId();
  const { disabled } = useFormContext();
  const { marked } = useFieldProblems(path);
  const ids = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  return (
    <Row field={field} path={path} inputId={id}>
      <PeoplePicker id={id} value={ids} onChange={onChange} disabled={disabled} invalid={marked} />
    </Row>
  );
}

function ChatChannelField({ field, path, value, onChange }: FieldProps) {
  const id = useId();
  const { t } = useTranslation('flowDesigner');
  const { disabled } = useFormContext();
  const { marked } = useFieldProblems(path);
  return (
    <Row field={field} path={path} inputId={id}>
      <ChatChannelSelect id={id} value={typeof value === 'string' ? value : null} onChange={(next) => onChange(next ?? undefined)} disabled={disabled} invalid={marked} noneLabel={t('form.noChatChannel')} />
    </Row>
  );
}

function RuleField({ field, path, value, onChange }: FieldProps) {
  const id = useId();
  const { disabled, variables } = useFormContext();
  const { marked } = useFieldProblems(path);
  return (
    <Row field={field} path={path} inputId={id}>
      <RuleEditor id={id} value={value} onChange={onChange} variables={variables} disabled={disabled} invalid={marked} />
    </Row>
  );
}

export function FieldView(props: FieldProps) {
  const { t } = useTranslation('flowDesigner');
  const spec = props.field.spec;
  switch (spec.type) {
    case 'text':
    case 'team':
      return <TextInput {...props} />;
    case 'number':
      return <NumberInput {...props} />;
    case 'boolean':
      return <Checkbox {...props} />;
    case 'choice':
      return <Choice {...props} options={spec.options} />;
    case 'choices':
      return <Choices {...props} options={spec.options} />;
    case 'person':
      return <PersonField {...props} />;
    case 'people':
      return <PeopleField {...props} />;
    case 'map':
      return <HeaderList {...props} />;
    case 'rule':
      return <RuleField {...props} />;
    case 'chatChannel':
      return <ChatChannelField {...props} />;
    case 'object':
      return (
        <fieldset className="group" data-field={props.path}>
          <legend>{props.field.title}</legend>
          <ObjectFields spec={spec} path={props.path} value={props.value ?? defaultValue(spec)} onChange={props.onChange} />
        </fieldset>
      );
    case 'variants':
      return <Variants {...props} spec={spec} />;
    case 'unsupported':
      return <p className="field__help">{t('form.cannotEdit', { field: props.field.title })}</p>;
  }
}

/** The whole settings form of one step, from its kind's form spec. */
export function ConfigForm({ spec, value, onChange }: { spec: FieldSpec; value: unknown; onChange: (config: unknown) => void }) {
  const { t } = useTranslation('flowDesigner');
  if (spec.type === 'object') {
    if (spec.fields.length === 0) return <p className="muted">{t('form.noSettings')}</p>;
    return <ObjectFields spec={spec} path="" value={value} onChange={onChange} />;
  }
  return <FieldView field={{ key: '', title: t('form.settings'), required: true, spec }} path="" value={value} onChange={onChange} />;
}
