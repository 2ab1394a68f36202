import { useReactFlow } from '@xyflow/react';
import { useMemo, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isNodeKind, nodeDef, variablesAvailableAt, type Diagnostic } from '../../../../workflows/flow';
import { nodeHelp, nodeLabel } from '../../i18n/flow-catalog';
import { toGraphLike } from '../graph/draft-convert';
import { ConfigForm } from '../form/ConfigForm';
import { FormContext, type FormContextValue } from '../form/form-context';
import { formSpecFor } from '../form/form-spec';
import { templateFieldsOf } from '../form/template-fields';
import { StepIcon } from './step-icon';
import { useEditorApi, useEditorStore } from './store';

const noProblems: readonly Diagnostic[] = [];
/** The editor's keys, named as printed on them in every language, and what each does. */
const shortcuts = [
  { keys: ['Ctrl+Z'], does: 'undo' },
  { keys: ['Ctrl+Shift+Z'], does: 'redo' },
  { keys: ['Delete'], does: 'delete' },
  { keys: ['Ctrl+C', 'Ctrl+V'], does: 'copyPaste' },
  { keys: ['Ctrl+S'], does: 'save' },
] as const;

function Shortcuts() {
  const { t } = useTranslation('flowDesigner');
  return (
    <p className="muted">
      {t('side.shortcuts.label')}{' '}
      {shortcuts.map((shortcut, index) => (
        <span key={shortcut.does}>
          {shortcut.keys.map((keys, at) => (
            <span key={keys}>
              {at > 0 && ' / '}
              <kbd>{keys}</kbd>
            </span>
          ))}{' '}
          {t(`side.shortcuts.${shortcut.does}`)}
          {index < shortcuts.length - 1 ? t('side.shortcuts.separator') : t('side.shortcuts.end')}
        </span>
      ))}
    </p>
  );
}

/** The right-hand panel: the selected step's settings, or the list of everything still wrong. */
export function SidePanel() {
  const panel = useEditorStore((s) => s.panel);
  const setPanel = useEditorStore((s) => s.setPanel);
  const count = useEditorStore((s) => s.diagnostics.length);
  const { t } = useTranslation('flowDesigner');
  return (
    <aside className="side" aria-label={t('side.label')}>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={panel === 'step'} className="tab" onClick={() => setPanel('step')}>
          {t('side.settings')}
        </button>
        <button type="button" role="tab" aria-selected={panel === 'problems'} className="tab" onClick={() => setPanel('problems')} data-testid="problems-tab">
          {t('side.problems')} <span className={`count${count > 0 ? ' count--bad' : ' count--good'}`}>{count}</span>
        </button>
      </div>
      <div className="side__body">{panel === 'step' ? <SelectionPanel /> : <ProblemsList />}</div>
    </aside>
  );
}

function SelectionPanel() {
  const id = useEditorStore((s) => s.selectedNodeId);
  return id === null ? <FlowPanel /> : <StepSettings key={id} id={id} />;
}

function FlowPanel() {
  const name = useEditorStore((s) => s.name);
  const setName = useEditorStore((s) => s.setName);
  const readOnly = useEditorStore((s) => s.readOnly);
  const steps = useEditorStore((s) => s.nodes.length);
  const { t } = useTranslation('flowDesigner');
  return (
    <div className="panel">
      <h2>{t('side.thisFlow')}</h2>
      <div className="field">
        <label htmlFor="flow-name" className="field__label">
          {t('side.name')}
        </label>
        <input id="flow-name" value={name} disabled={readOnly} maxLength={120} onChange={(event) => setName(event.target.value)} />
      </div>
      <p className="muted">{t('side.steps', { count: steps })}</p>
      {!readOnly && (
        <div className="tips">
          <h3>{t('side.howTo')}</h3>
          <ul>
            <li>{t('side.tips.add')}</li>
            <li>{t('side.tips.connect')}</li>
            <li>{t('side.tips.select')}</li>
            <li>{t('side.tips.problems')}</li>
          </ul>
          <Shortcuts />
        </div>
      )}
    </div>
  );
}

function StepSettings({ id }: { id: string }) {
  const store = useEditorApi();
  // Selects this step's data only: the panel re-renders when this step changes, not when others move.
  const data = useEditorStore((s) => s.nodes.find((node) => node.id === id)?.data);
  const problems = useEditorStore((s) => s.nodeProblems[id]) ?? noProblems;
  const readOnly = useEditorStore((s) => s.readOnly);
  const graphVersion = useEditorStore((s) => s.graphVersion);
  const focusField = useEditorStore((s) => s.focusField);
  const updateConfig = useEditorStore((s) => s.updateConfig);
  const updateLabel = useEditorStore((s) => s.updateLabel);
  const deleteNode = useEditorStore((s) => s.deleteNode);
  const formRef = useRef<HTMLDivElement>(null);
  const { t, i18n } = useTranslation('flowDesigner');

  const variables = useMemo(() => {
    const s = store.getState();
    return variablesAvailableAt(toGraphLike(s.nodes, s.edges)).get(id) ?? [];
    // graphVersion stands for "nodes or edges changed in a way that matters".
  }, [store, id, graphVersion]);

  const kind = data?.kind ?? '';
  // The form's titles and choices are in the page's language: a new language makes a new form.
  const spec = useMemo(() => (isNodeKind(kind) ? formSpecFor(kind) : null), [kind, i18n.language]);
  const templateFields = useMemo(() => (spec === null ? new Set<string>() : templateFieldsOf(kind, data?.config, spec)), [kind, data?.config, spec]);
  const context = useMemo<FormContextValue>(() => ({ problems, variables, templateFields, disabled: readOnly }), [problems, variables, templateFields, readOnly]);

  useEffect(() => {
    if (focusField === null) return;
    const target = formRef.current?.querySelector(`[data-field="${CSS.escape(focusField)}"]`);
    target?.scrollIntoView({ block: 'center' });
    target?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [focusField]);

  if (data === undefined) return null;
  const def = isNodeKind(kind) ? nodeDef(kind) : undefined;
  const general = problems.filter((problem) => problem.field === undefined);

  return (
    <div className="panel" ref={formRef} data-testid="step-settings">
      <header className="panel__head">
        <span className={`panel__icon step--${def?.category ?? 'unknown'}`}>
          <StepIcon kind={kind} size={18} />
        </span>
        <div>
          <h2>{def === undefined ? t('step.unknown', { kind }) : nodeLabel(kind)}</h2>
          <p className="muted small">
            {/* The id is the flow's own, not a word of the page. */}
            {t('side.id')} <span data-i18n-data>{id}</span>
          </p>
        </div>
      </header>
      {def !== undefined && <p className="help">{nodeHelp(kind)}</p>}
      {general.length > 0 && (
        <ul className="problems problems--inline">
          {general.map((problem) => (
            <li key={problem.code + problem.message}>{problem.message}</li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor="step-label" className="field__label">
          {t('side.nameOnCanvas')} <span className="field__optional">{t('side.optional')}</span>
        </label>
        <input id="step-label" value={data.label ?? ''} placeholder={def === undefined ? undefined : nodeLabel(kind)} maxLength={80} disabled={readOnly} onChange={(event) => updateLabel(id, event.target.value)} />
      </div>
      {spec === null ? (
        <Section title={t('side.settings')}>
          <p className="muted">{t('side.unknownKind')}</p>
          <pre className="mono">{JSON.stringify(data.config, null, 2)}</pre>
        </Section>
      ) : (
        <FormContext.Provider value={context}>
          <form className="config" onSubmit={(event) => event.preventDefault()} data-testid="config-form">
            <fieldset disabled={readOnly} className="plain">
              <ConfigForm spec={spec} value={data.config} onChange={(config) => updateConfig(id, config)} />
            </fieldset>
          </form>
        </FormContext.Provider>
      )}
      {!readOnly && (
        <div className="panel__foot">
          <button type="button" className="button button--danger-quiet" onClick={() => deleteNode(id)}>
            {t('side.remove')}
          </button>
        </div>
      )}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function ProblemsList() {
  const diagnostics = useEditorStore((s) => s.diagnostics);
  const store = useEditorApi();
  const { fitView } = useReactFlow();
  const { t } = useTranslation('flowDesigner');

  if (diagnostics.length === 0) {
    return (
      <div className="panel">
        <p className="good">{t('side.noProblems')}</p>
      </div>
    );
  }

  function show(problem: Diagnostic) {
    const s = store.getState();
    if (problem.nodeId !== undefined && s.nodes.some((node) => node.id === problem.nodeId)) {
      s.selectNode(problem.nodeId, problem.field);
      void fitView({ nodes: [{ id: problem.nodeId }], duration: 300, maxZoom: 1.1, padding: 0.6 });
    } else if (problem.edgeId !== undefined) {
      s.selectEdge(problem.edgeId);
    }
  }

  return (
    <div className="panel">
      <p className="muted">{t('side.fixThese')}</p>
      <ul className="problems" data-testid="problems-list">
        {diagnostics.map((problem, index) => (
          <li key={index}>
            <button type="button" className="problem" onClick={() => show(problem)} disabled={problem.nodeId === undefined && problem.edgeId === undefined}>
              <StepName id={problem.nodeId} />
              <span>{problem.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function StepName({ id }: { id: string | undefined }) {
  const { t } = useTranslation('flowDesigner');
  const label = useEditorStore((s) => {
    if (id === undefined) return t('side.theFlow');
    const node = s.nodes.find((n) => n.id === id);
    if (node === undefined) return id;
    return node.data.label ?? nodeLabel(node.data.kind);
  });
  return <strong className="problem__step">{label}</strong>;
}
