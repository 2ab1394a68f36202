import { FileUp, Plus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { defaultFlows, triggerEvents, type FlowDraft } from '../../../../workflows/flow';
import { ApiError, api, errorMessage } from '../../api/client';
import { PageHead } from '../../app/PageHead';
import { PageState } from '../../app/PageState';
import { useCan } from '../../auth/use-can';
import { queryClient, usePageQuery } from '../../app/queries';
import { eventLabel } from '../../i18n/flow-catalog';
import { i18next } from '../../i18n/i18n';
import { FormAlert } from '../../shared/Field';
import { formatDateTime } from '../../shared/time';
import { noErrors, type FormErrors } from '../../shared/form-errors';
import { FlowFileButton } from '../editor/FlowFileButton';
import { readFlowFile } from '../editor/use-flow-actions';
import { triggerOnlyDraft } from '../graph/new-node';
import type { FlowSummary } from '../../../../api/contract/flows';
import { compareNames } from '../../shared/collate';

function startsWhen(event: string): string {
  const known = triggerEvents.find((candidate) => candidate === event);
  return known === undefined ? i18next.t('flowDesigner:list.noTrigger') : eventLabel(known);
}

interface Starter {
  readonly id: string;
  /** The label in the page's language; a default flow's name is its own (it becomes the new flow's). */
  label(): string;
  help(): string;
  draft(name: string): FlowDraft;
}

const starters: readonly Starter[] = [
  { id: 'empty', label: () => i18next.t('flowDesigner:newFlow.onlyTrigger'), help: () => i18next.t('flowDesigner:newFlow.onlyTriggerHelp'), draft: triggerOnlyDraft },
  ...defaultFlows.map((flow, index) => ({
    id: `default-${index}`,
    label: () => flow.name,
    // Every box on the canvas counts, the trigger and the ends too, as the editor's own count does.
    help: () => i18next.t('flowDesigner:newFlow.defaultHelp', { count: flow.nodes.length }),
    draft: (name: string): FlowDraft => ({ ...structuredClone(flow), name }),
  })),
];

function NewFlowDialog({ onClose }: { onClose: () => void }) {
  const [, navigate] = useLocation();
  const [name, setName] = useState('');
  const [starter, setStarter] = useState('empty');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const { t } = useTranslation('flowDesigner');

  async function create(event: FormEvent) {
    event.preventDefault();
    const chosen = starters.find((s) => s.id === starter) ?? starters[0];
    if (chosen === undefined) return;
    setWorking(true);
    setError(null);
    try {
      const fallbackName = chosen.id === 'empty' ? t('newFlow.defaultName') : t('newFlow.copyName', { name: chosen.label() }).slice(0, 120);
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
        <h2 id="new-flow-title">{t('newFlow.title')}</h2>
        <div className="field">
          <label htmlFor="new-flow-name" className="field__label">
            {t('newFlow.name')}
          </label>
          <input id="new-flow-name" value={name} maxLength={120} placeholder={t('newFlow.namePlaceholder')} autoFocus onChange={(event) => setName(event.target.value)} />
        </div>
        <fieldset className="starters">
          <legend className="field__label">{t('newFlow.startFrom')}</legend>
          {starters.map((s) => (
            <label key={s.id} className={`starter${starter === s.id ? ' starter--chosen' : ''}`}>
              <input type="radio" name="starter" value={s.id} checked={starter === s.id} onChange={() => setStarter(s.id)} />
              <span>
                <strong>{s.label()}</strong>
                <span className="muted small">{s.help()}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {error !== null && <p className="error-text">{error}</p>}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('newFlow.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={working}>
            {t('newFlow.create')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A button on each row of the table (archive, restore), for those who change flows; `id` names its test id (`archive` → `archive-<flow id>`). */
interface RowAction {
  readonly id: string;
  readonly label: string;
  readonly quiet?: boolean;
  readonly act: (flow: FlowSummary) => void;
}

/** The flows as a table, with the row's `action` when given. */
function FlowTable({ flows, empty, action, testId }: { flows: readonly FlowSummary[]; empty: string; action?: RowAction | undefined; testId: string }) {
  const { t } = useTranslation('flowDesigner');
  if (flows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('list.columns.flow')}</th>
          <th>{t('list.columns.startsWhen')}</th>
          <th>{t('list.columns.published')}</th>
          <th>{t('list.columns.draftChanged')}</th>
          {action && (
            <th>
              <span className="sr-only">{t('list.columns.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {[...flows]
          .sort((a, b) => compareNames(a.name, b.name))
          .map((flow) => (
            <tr key={flow.id}>
              <td>
                <Link href={`/flows/${flow.id}`} className="table__link" data-i18n-data="">
                  {flow.name}
                </Link>
              </td>
              <td>{startsWhen(flow.triggerEvent)}</td>
              <td>{flow.latestVersion === null ? <span className="muted">{t('list.notYet')}</span> : t('list.version', { version: flow.latestVersion })}</td>
              <td className="muted">{formatDateTime(flow.draftUpdatedAt)}</td>
              {action && (
                <td>
                  <button type="button" className={`button${action.quiet ? ' button--danger-quiet' : ''}`} onClick={() => action.act(flow)} data-testid={`${action.id}-${flow.id}`}>
                    {action.label}
                  </button>
                </td>
              )}
            </tr>
          ))}
      </tbody>
    </table>
  );
}

/** The archived flows, each with "Restore" for those who change flows. */
function ArchivedFlows({ mayEdit, onRestore }: { mayEdit: boolean; onRestore: (flow: FlowSummary) => void }) {
  const { t } = useTranslation('flowDesigner');
  const { load, retry } = usePageQuery(['flows', 'archived'], () => api.listFlows({ archived: true }));
  const restore: RowAction | undefined = mayEdit ? { id: 'restore', label: t('list.restore'), act: onRestore } : undefined;
  return (
    <section aria-label={t('list.archivedTitle')}>
      <h2>{t('list.archivedTitle')}</h2>
      <PageState load={load} retry={retry}>
        {(flows) => (
          <FlowTable
            flows={flows}
            empty={t('list.noneArchived')}
            testId="archived-flow-table"
            action={restore}
          />
        )}
      </PageState>
    </section>
  );
}

/** `/flows`: every flow, and the ways to make a new one (from scratch, a default flow, or a file). */
export function FlowListPage() {
  const { load, retry } = usePageQuery(['flows'], () => api.listFlows());
  const [creating, setCreating] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const [importError, setImportError] = useState<FormErrors>(noErrors);

  /** Archives or restores a flow; a refusal (a flow still bound) stands at the top with what it names. */
  async function change(flowId: string, act: () => Promise<unknown>) {
    setImportError(noErrors);
    try {
      await act();
    } catch (error) {
      setImportError({ summary: errorMessage(error), fields: {}, other: error instanceof ApiError ? error.details.map((d) => d.message) : [] });
      return;
    }
    // The lists, and the flow's own page (it opens read-only while archived).
    await Promise.all([queryClient.invalidateQueries({ queryKey: ['flows'] }), queryClient.invalidateQueries({ queryKey: ['flow', flowId] })]);
  }
  const archive = (flow: FlowSummary) =>
    window.confirm(i18next.t('flowDesigner:list.archiveQuestion', { name: flow.name })) ? change(flow.id, () => api.archiveFlow(flow.id)) : Promise.resolve();
  const [, navigate] = useLocation();
  const mayEdit = useCan('editFlows');
  const { t } = useTranslation('flowDesigner');
  const archiveAction: RowAction | undefined = mayEdit ? { id: 'archive', label: t('list.archive'), quiet: true, act: (flow) => void archive(flow) } : undefined;

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
        summary: t('list.notImported', { file: file.name, error: errorMessage(error) }),
        fields: {},
        other: error instanceof ApiError ? error.details.map((d) => d.message) : [],
      });
    }
  }

  return (
    <main className="page">
      <PageHead
        title={t('list.title')}
        actions={
          mayEdit && (
            <>
              <FlowFileButton inputTestId="list-import-input" onFile={(file) => void importFile(file)}>
                <FileUp size={15} aria-hidden="true" /> {t('list.importFromFile')}
              </FlowFileButton>
              <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
                <Plus size={15} aria-hidden="true" /> {t('list.newFlow')}
              </button>
            </>
          )
        }
      >
        {t('list.intro')}
        {!mayEdit && ` ${t('list.readOnly')}`}
      </PageHead>
      <FormAlert errors={importError} />
      <PageState load={load} retry={retry}>
        {(flows) => (
          <FlowTable
            flows={flows}
            empty={t('list.empty')}
            testId="flow-table"
            action={archiveAction}
          />
        )}
      </PageState>
      <p>
        <button type="button" className="button" aria-expanded={showArchived} onClick={() => setShowArchived(!showArchived)} data-testid="show-archived">
          {showArchived ? t('list.hideArchived') : t('list.showArchived')}
        </button>
      </p>
      {showArchived && <ArchivedFlows mayEdit={mayEdit} onRestore={(flow) => void change(flow.id, () => api.restoreFlow(flow.id))} />}
      {creating && <NewFlowDialog onClose={() => setCreating(false)} />}
    </main>
  );
}
