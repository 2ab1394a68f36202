import { ChevronDown, Download, LayoutGrid, Redo2, Save, Send, Upload, Undo2 } from 'lucide-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { flowDraftSchema } from '../../../../workflows/flow';
import { api, errorMessage } from '../../api/client';
import { useCan } from '../../auth/use-can';
import { formatDateTime } from '../../shared/time';
import { FlowFileButton } from './FlowFileButton';
import { useEditorApi, useEditorStore } from './store';
import type { FlowActions } from './use-flow-actions';

function SaveState() {
  const dirty = useEditorStore((s) => s.docVersion !== s.savedVersion);
  const busy = useEditorStore((s) => s.busy);
  const { t } = useTranslation('flowDesigner');
  const text = busy === 'saving' ? t('toolbar.saving') : busy === 'publishing' ? t('toolbar.publishing') : dirty ? t('toolbar.unsaved') : t('toolbar.saved');
  return (
    <span className={`save-state${dirty ? ' save-state--dirty' : ''}`} data-testid="save-state">
      {text}
    </span>
  );
}

/** From the draft: what publishing it would change; from a version: what it changed from the one before (the first: the draft since). */
function compareHref(flowId: string, viewing: number | null): string {
  const base = `/flows/${flowId}/compare`;
  if (viewing === null) return base;
  return viewing > 1 ? `${base}?from=${viewing - 1}&to=${viewing}` : `${base}?from=${viewing}&to=draft`;
}

function VersionsMenu() {
  const flowId = useEditorStore((s) => s.flowId);
  const versions = useEditorStore((s) => s.versions);
  const viewing = useEditorStore((s) => s.viewing);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useTranslation('flowDesigner');
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div className="menu" ref={ref}>
      <button type="button" className="button" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen((o) => !o)} data-testid="versions-button">
        {t('versions.button')} <span className="count">{versions.length}</span>
        <ChevronDown size={14} aria-hidden="true" />
      </button>
      {open && (
        <div className="menu__list" role="menu" data-testid="versions-menu">
          <Link href={`/flows/${flowId}`} className={`menu__item${viewing === null ? ' menu__item--current' : ''}`} role="menuitem" onClick={() => setOpen(false)}>
            <strong>{t('versions.draft')}</strong>
            <span className="muted small">{t('versions.draftHint')}</span>
          </Link>
          {versions.length === 0 && <p className="menu__empty muted small">{t('versions.nonePublished')}</p>}
          {versions.map((version) => (
            <Link
              key={version.version}
              href={`/flows/${flowId}/versions/${version.version}`}
              className={`menu__item${viewing?.version === version.version ? ' menu__item--current' : ''}`}
              role="menuitem"
              onClick={() => setOpen(false)}
            >
              <strong>{t('versions.version', { version: version.version })}</strong>
              <span className="muted small">{t('versions.published', { date: formatDateTime(version.publishedAt) })}</span>
            </Link>
          ))}
          {versions.length > 0 && (
            <Link href={compareHref(flowId, viewing?.version ?? null)} className="menu__item" role="menuitem" onClick={() => setOpen(false)} data-testid="compare-link">
              <strong>{t('versions.compare')}</strong>
              <span className="muted small">{viewing === null ? t('versions.compareDraft') : t('versions.compareVersion', { version: viewing.version })}</span>
            </Link>
          )}
        </div>
      )}
    </div>
  );
}

export function Toolbar({ actions, onLayout, extra }: { actions: FlowActions; onLayout: () => Promise<void>; extra?: ReactNode }) {
  const name = useEditorStore((s) => s.name);
  const setName = useEditorStore((s) => s.setName);
  const readOnly = useEditorStore((s) => s.readOnly);
  const viewing = useEditorStore((s) => s.viewing);
  const canUndo = useEditorStore((s) => s.history.past.length > 0);
  const canRedo = useEditorStore((s) => s.history.future.length > 0);
  const busy = useEditorStore((s) => s.busy);
  const problems = useEditorStore((s) => s.diagnostics.length);
  const undo = useEditorStore((s) => s.undo);
  const redo = useEditorStore((s) => s.redo);
  const setPanel = useEditorStore((s) => s.setPanel);
  const mayEdit = useCan('editFlows');
  const { t } = useTranslation('flowDesigner');

  return (
    <header className="toolbar">
      <div className="toolbar__left">
        <Link href="/flows" className="back">
          {t('toolbar.back')}
        </Link>
        {readOnly ? (
          <h1 className="toolbar__title">{name}</h1>
        ) : (
          <input className="toolbar__name" aria-label={t('toolbar.flowName')} value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
        )}
        {viewing !== null ? (
          <span className="badge" data-testid="read-only-badge">
            {t('toolbar.readOnlyBadge', { version: viewing.version, date: formatDateTime(viewing.publishedAt) })}
          </span>
        ) : (
          <SaveState />
        )}
      </div>
      <div className="toolbar__right">
        {!readOnly && (
          <>
            <button type="button" className="icon-button" onClick={undo} disabled={!canUndo} title={t('toolbar.undoTitle')} aria-label={t('toolbar.undo')}>
              <Undo2 size={16} />
            </button>
            <button type="button" className="icon-button" onClick={redo} disabled={!canRedo} title={t('toolbar.redoTitle')} aria-label={t('toolbar.redo')}>
              <Redo2 size={16} />
            </button>
            <button type="button" className="button" onClick={() => void onLayout()} title={t('toolbar.tidyUpTitle')}>
              <LayoutGrid size={15} aria-hidden="true" /> {t('toolbar.tidyUp')}
            </button>
            <span className="toolbar__sep" />
          </>
        )}
        <button
          type="button"
          className={`problems-badge${problems > 0 ? ' problems-badge--bad' : ''}`}
          onClick={() => setPanel('problems')}
          data-testid="problems-badge"
        >
          {problems === 0 ? t('toolbar.noProblems') : t('toolbar.problems', { count: problems })}
        </button>
        {extra}
        <VersionsMenu />
        <button type="button" className="button" onClick={() => void actions.exportFile()} disabled={busy !== null} title={t('toolbar.exportTitle')}>
          <Download size={15} aria-hidden="true" /> {t('toolbar.export')}
        </button>
        {readOnly ? (
          viewing !== null && mayEdit && <RestoreButton />
        ) : (
          <>
            <FlowFileButton title={t('toolbar.importTitle')} inputTestId="editor-import-input" onFile={(file) => void actions.importFile(file)}>
              <Upload size={15} aria-hidden="true" /> {t('toolbar.import')}
            </FlowFileButton>
            <button type="button" className="button" onClick={() => void actions.save()} disabled={busy !== null} title={t('toolbar.saveTitle')}>
              <Save size={15} aria-hidden="true" /> {t('toolbar.save')}
            </button>
            <button type="button" className="button button--primary" onClick={() => void actions.publish()} disabled={busy !== null} title={t('toolbar.publishTitle')}>
              <Send size={15} aria-hidden="true" /> {t('toolbar.publish')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}

/** Makes a published version the draft again, for going back to it. */
function RestoreButton() {
  const store = useEditorApi();
  const [, navigate] = useLocation();
  const [working, setWorking] = useState(false);
  const { t } = useTranslation('flowDesigner');
  async function restore() {
    const s = store.getState();
    if (s.viewing === null) return;
    if (!window.confirm(t('toolbar.confirmRestore', { version: s.viewing.version }))) return;
    setWorking(true);
    try {
      const version = await api.getVersion(s.flowId, s.viewing.version);
      await api.saveDraft(s.flowId, flowDraftSchema.parse(version.document));
      navigate(`/flows/${s.flowId}`);
    } catch (error) {
      store.getState().notify('error', t('toolbar.notRestored', { error: errorMessage(error) }));
      setWorking(false);
    }
  }
  return (
    <button type="button" className="button button--primary" onClick={() => void restore()} disabled={working}>
      {t('toolbar.useAsDraft')}
    </button>
  );
}
