import { FileUp, Plus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { defaultFlows, isNodeKind, triggerEventLabels, triggerEvents, type FlowDraft } from '../../../../workflows/flow';
import { ApiError, api, errorMessage } from '../../api/client';
import { PageHead } from '../../app/PageHead';
import { PageState } from '../../app/PageState';
import { useCan } from '../../auth/use-can';
import { usePageQuery } from '../../app/queries';
import { FormAlert } from '../../shared/Field';
import { noErrors, type FormErrors } from '../../shared/form-errors';
import { FlowFileButton } from '../editor/FlowFileButton';
import { readFlowFile } from '../editor/use-flow-actions';
import { triggerOnlyDraft } from '../graph/new-node';
import type { FlowSummary } from '../../../../api/contract/flows';
import { compareNames } from '../../shared/collate';

function eventLabel(event: string): string {
  const known = triggerEvents.find((candidate) => candidate === event);
  return known === undefined ? 'No trigger yet' : triggerEventLabels[known];
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const starters: readonly { id: string; label: string; help: string; draft: (name: string) => FlowDraft }[] = [
  { id: 'empty', label: 'Only a trigger', help: 'Start from scratch and draw every step yourself.', draft: triggerOnlyDraft },
  ...defaultFlows.map((flow, index) => ({
    id: `default-${index}`,
    label: flow.name,
    help: `${flow.nodes.filter((node) => isNodeKind(node.kind) && node.kind !== 'end').length} steps, ready to adapt.`,
    draft: (name: string): FlowDraft => ({ ...structuredClone(flow), name }),
  })),
];

function NewFlowDialog({ onClose }: { onClose: () => void }) {
  const [, navigate] = useLocation();
  const [name, setName] = useState('');
  const [starter, setStarter] = useState('empty');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  async function create(event: FormEvent) {
    event.preventDefault();
    const chosen = starters.find((s) => s.id === starter) ?? starters[0];
    if (chosen === undefined) return;
    setWorking(true);
    setError(null);
    try {
      const fallbackName = chosen.id === 'empty' ? 'New flow' : `${chosen.label} (copy)`.slice(0, 120);
      const flow = await api.createFlow(chosen.draft(name.trim() === '' ? fallbackName : name.trim()));
      navigate(`/flows/${flow.id}`);
    } catch (caught) {
      setError(errorMessage(caught));
      setWorking(false);
    }
  }

  return (
    <div className="dialog-backdrop" role="presentation" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="new-flow-title"
        onSubmit={(event) => void create(event)}
        onKeyDown={(event) => event.key === 'Escape' && onClose()}
      >
        <h2 id="new-flow-title">New flow</h2>
        <div className="field">
          <label htmlFor="new-flow-name" className="field__label">
            Name
          </label>
          <input id="new-flow-name" value={name} maxLength={120} placeholder="For example: Budget overrun escalation" autoFocus onChange={(event) => setName(event.target.value)} />
        </div>
        <fieldset className="starters">
          <legend className="field__label">Start from</legend>
          {starters.map((s) => (
            <label key={s.id} className={`starter${starter === s.id ? ' starter--chosen' : ''}`}>
              <input type="radio" name="starter" value={s.id} checked={starter === s.id} onChange={() => setStarter(s.id)} />
              <span>
                <strong>{s.label}</strong>
                <span className="muted small">{s.help}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {error !== null && <p className="error-text">{error}</p>}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={working}>
            Create and open
          </button>
        </div>
      </form>
    </div>
  );
}

function FlowTable({ flows }: { flows: readonly FlowSummary[] }) {
  if (flows.length === 0) return <p className="muted">No flows yet. Create one to decide who is told, who approves and what happens when nobody acts.</p>;
  return (
    <table className="table" data-testid="flow-table">
      <thead>
        <tr>
          <th>Flow</th>
          <th>Starts when</th>
          <th>Published</th>
          <th>Draft last changed</th>
        </tr>
      </thead>
      <tbody>
        {[...flows]
          .sort((a, b) => compareNames(a.name, b.name))
          .map((flow) => (
            <tr key={flow.id}>
              <td>
                <Link href={`/flows/${flow.id}`} className="table__link">
                  {flow.name}
                </Link>
              </td>
              <td>{eventLabel(flow.triggerEvent)}</td>
              <td>{flow.latestVersion === null ? <span className="muted">Not yet</span> : `Version ${flow.latestVersion}`}</td>
              <td className="muted">{formatDate(flow.draftUpdatedAt)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

/** `/flows`: every flow, and the ways to make a new one (from scratch, a default flow, or a file). */
export function FlowListPage() {
  const { load, retry } = usePageQuery(['flows'], () => api.listFlows());
  const [creating, setCreating] = useState(false);
  const [importError, setImportError] = useState<FormErrors>(noErrors);
  const [, navigate] = useLocation();
  const mayEdit = useCan('editFlows');

  async function importFile(file: File) {
    setImportError(noErrors);
    const read = await readFlowFile(file);
    if (!read.ok) {
      setImportError({ summary: read.reason, fields: {}, other: [] });
      return;
    }
    try {
      const flow = await api.importFlow(read.draft);
      navigate(`/flows/${flow.id}`);
    } catch (error) {
      setImportError({
        summary: `“${file.name}” was not imported. ${errorMessage(error)}`,
        fields: {},
        other: error instanceof ApiError ? error.details.map((d) => d.message) : [],
      });
    }
  }

  return (
    <main className="page">
      <PageHead
        title="Flows"
        actions={
          mayEdit && (
            <>
              <FlowFileButton inputTestId="list-import-input" onFile={(file) => void importFile(file)}>
                <FileUp size={15} aria-hidden="true" /> Import from file
              </FlowFileButton>
              <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
                <Plus size={15} aria-hidden="true" /> New flow
              </button>
            </>
          )
        }
      >
        Flows decide who is told, who must approve, how long people have, and who is next when nobody acts.
        {!mayEdit && ' You can read them; operations staff and admins change them.'}
      </PageHead>
      <FormAlert errors={importError} />
      <PageState load={load} retry={retry}>
        {(flows) => <FlowTable flows={flows} />}
      </PageState>
      {creating && <NewFlowDialog onClose={() => setCreating(false)} />}
    </main>
  );
}
