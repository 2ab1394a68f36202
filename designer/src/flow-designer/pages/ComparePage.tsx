import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { flowDraftSchema } from '../../../../workflows/flow';
import { api } from '../../api/client';
import { PageState } from '../../app/PageState';
import { usePageQuery } from '../../app/queries';
import { CompareView } from '../compare/CompareView';
import type { ComparedSide } from '../compare/ChangeList';

/** A side named in the address: a version number, "draft" (null), or nothing (undefined: the default). */
function sideOf(value: string | null): number | null | undefined {
  if (value === 'draft') return null;
  const version = Number(value);
  return value !== null && Number.isInteger(version) && version >= 1 ? version : undefined;
}

/**
 * `/flows/:id/compare[?from=<version>&to=<version|draft>]`: what changed between two versions; by
 * default from the newest published version to the draft, which is what publishing would change.
 */
export function ComparePage({ id }: { id: string }) {
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const { t } = useTranslation('flowDesigner');
  const askedFrom = sideOf(params.get('from'));
  const askedTo = sideOf(params.get('to'));
  const { load, retry } = usePageQuery(['flow', id, 'compare', askedFrom, askedTo], async () => {
    const flow = await api.getFlow(id);
    const newest = flow.versions.reduce<number | null>((top, v) => (top === null || v.version > top ? v.version : top), null);
    const from = askedFrom ?? newest;
    const to = askedTo === undefined ? null : askedTo;
    const documentOf = async (version: number | null) => flowDraftSchema.parse(version === null ? flow.draft : (await api.getVersion(id, version)).document);
    const before: ComparedSide | null = from === null ? null : { version: from, document: await documentOf(from) };
    const after: ComparedSide = { version: to, document: await documentOf(to) };
    return { flow, before, after };
  });
  const pick = (side: 'from' | 'to', value: string) => {
    const next = new URLSearchParams(params);
    next.set(side, value);
    navigate(`/flows/${id}/compare?${next.toString()}`);
  };
  return (
    <PageState load={load} retry={retry}>
      {({ flow, before, after }) =>
        before === null ? (
          <main className="page">
            <h1>{t('editor.compareTitle', { name: flow.name })}</h1>
            <p className="muted" data-testid="nothing-to-compare">
              {t('editor.nothingToCompare')}
            </p>
          </main>
        ) : (
          <CompareView key={`${before.version}:${after.version ?? 'draft'}`} flowId={flow.id} name={flow.name} versions={flow.versions} before={before} after={after} onPick={pick} />
        )
      }
    </PageState>
  );
}
