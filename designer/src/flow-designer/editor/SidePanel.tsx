import { useReactFlow } from '@xyflow/react';
import { useMemo, useEffect, useRef, type ReactNode } from 'react';
import { isNodeKind, nodeDef, variablesAvailableAt, type Diagnostic } from '../../../../workflows/flow';
import { toGraphLike } from '../graph/draft-convert';
import { ConfigForm } from '../form/ConfigForm';
import { FormContext, type FormContextValue } from '../form/form-context';
import { formSpecFor } from '../form/form-spec';
import { templateFieldsOf } from '../form/template-fields';
import { StepIcon } from './step-icon';
import { useEditorApi, useEditorStore } from './store';

const noProblems: readonly Diagnostic[] = [];

/** The right-hand panel: the selected step's settings, or the list of everything still wrong. */
export function SidePanel() {
  const panel = useEditorStore((s) => s.panel);
  const setPanel = useEditorStore((s) => s.setPanel);
  const count = useEditorStore((s) => s.diagnostics.length);
  return (
    <aside className="side" aria-label="Step settings and problems">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={panel === 'step'} className="tab" onClick={() => setPanel('step')}>
          Settings
        </button>
        <button type="button" role="tab" aria-selected={panel === 'problems'} className="tab" onClick={() => setPanel('problems')} data-testid="problems-tab">
          Problems <span className={`count${count > 0 ? ' count--bad' : ' count--good'}`}>{count}</span>
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
  return (
    <div className="panel">
      <h2>This flow</h2>
      <div className="field">
        <label htmlFor="flow-name" className="field__label">
          Name
        </label>
        <input id="flow-name" value={name} disabled={readOnly} maxLength={120} onChange={(event) => setName(event.target.value)} />
      </div>
      <p className="muted">{steps} steps.</p>
      {!readOnly && (
        <div className="tips">
          <h3>How to draw a flow</h3>
          <ul>
            <li>Add steps from the list on the left: drag them onto the canvas or click them.</li>
            <li>Connect a step’s output (right side) to the next step’s input (left side).</li>
            <li>Click a step to change its settings here.</li>
            <li>Steps with a red outline have a problem; the Problems tab lists them all.</li>
          </ul>
          <p className="muted">Shortcuts: Ctrl+Z undo, Ctrl+Shift+Z redo, Delete removes, Ctrl+C / Ctrl+V copy and paste, Ctrl+S saves.</p>
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

  const variables = useMemo(() => {
    const s = store.getState();
    return variablesAvailableAt(toGraphLike(s.nodes, s.edges)).get(id) ?? [];
    // graphVersion stands for "nodes or edges changed in a way that matters".
  }, [store, id, graphVersion]);

  const kind = data?.kind ?? '';
  const spec = useMemo(() => (isNodeKind(kind) ? formSpecFor(kind) : null), [kind]);
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
          <h2>{def?.label ?? `Unknown step “${kind}”`}</h2>
          <p className="muted small">Id: {id}</p>
        </div>
      </header>
      {def !== undefined && <p className="help">{def.help}</p>}
      {general.length > 0 && (
        <ul className="problems problems--inline">
          {general.map((problem) => (
            <li key={problem.code + problem.message}>{problem.message}</li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor="step-label" className="field__label">
          Name on the canvas <span className="field__optional">(optional)</span>
        </label>
        <input id="step-label" value={data.label ?? ''} placeholder={def?.label} maxLength={80} disabled={readOnly} onChange={(event) => updateLabel(id, event.target.value)} />
      </div>
      {spec === null ? (
        <Section title="Settings">
          <p className="muted">This kind of step is not known to this version of Milepost. Its settings are kept as they are.</p>
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
            Remove this step
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

  if (diagnostics.length === 0) {
    return (
      <div className="panel">
        <p className="good">No problems: this flow can be published.</p>
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
      <p className="muted">Fix these before publishing. Click one to go to the step.</p>
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
  const label = useEditorStore((s) => {
    if (id === undefined) return 'The flow';
    const node = s.nodes.find((n) => n.id === id);
    if (node === undefined) return id;
    return node.data.label ?? (isNodeKind(node.data.kind) ? nodeDef(node.data.kind).label : node.data.kind);
  });
  return <strong className="problem__step">{label}</strong>;
}
