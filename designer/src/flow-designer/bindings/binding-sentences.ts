import type { TriggerEvent } from '../../../../workflows/flow';
import type { TFunction } from 'i18next';
import { i18next } from '../../i18n/i18n';

/** Sentences are worded when asked, in the page's language at that moment. */
const bindingT = (): TFunction<'flowBindings'> => i18next.getFixedT(null, 'flowBindings');

/** "when …": each trigger event as the end of a sentence. */
export function whenEvent(event: TriggerEvent): string {
  return bindingT()(`when.${event}`);
}

export interface BindingFacts {
  readonly triggerEvent: TriggerEvent;
  readonly projectId: string | null;
  readonly flowId: string;
}

/** What the sentences need to name things: flows and projects by id. */
export interface Names {
  flow(id: string): string;
  project(id: string): string;
}

const scopeOf = (projectId: string | null, names: Names) => (projectId === null ? bindingT()('sentences.everyProject') : names.project(projectId));

/** The binding that decides for this scope today (a project falls back to the global one). */
function currentFor(bindings: readonly BindingFacts[], event: TriggerEvent, projectId: string | null): BindingFacts | undefined {
  const same = (b: BindingFacts) => b.triggerEvent === event;
  return bindings.find((b) => same(b) && b.projectId === projectId) ?? (projectId === null ? undefined : bindings.find((b) => same(b) && b.projectId === null));
}

/** The confirmation before binding: what starts running, and what it replaces. */
export function bindSentence(flowId: string, event: TriggerEvent, projectId: string | null, bindings: readonly BindingFacts[], names: Names): string {
  const words = { scope: scopeOf(projectId, names), when: whenEvent(event) };
  const current = currentFor(bindings, event, projectId);
  if (current?.flowId === flowId && current.projectId === projectId) return bindingT()('sentences.already', words);
  if (current === undefined) return bindingT()('sentences.bindNothing', words);
  const flow = names.flow(current.flowId);
  return current.projectId === null && projectId !== null ? bindingT()('sentences.bindInsteadGlobal', { ...words, flow }) : bindingT()('sentences.bindInstead', { ...words, flow });
}

/** The confirmation before unbinding: what stops running, and what (if anything) runs then. */
export function unbindSentence(binding: BindingFacts, bindings: readonly BindingFacts[], names: Names): string {
  const words = { scope: scopeOf(binding.projectId, names), when: whenEvent(binding.triggerEvent) };
  const fallback = binding.projectId === null ? undefined : bindings.find((b) => b.triggerEvent === binding.triggerEvent && b.projectId === null);
  return fallback === undefined
    ? bindingT()('sentences.unbindNothing', { ...words, all: binding.projectId === null ? 'yes' : 'no' })
    : bindingT()('sentences.unbindFallback', { ...words, flow: names.flow(fallback.flowId) });
}

/** What a binding's version choice means: pinned to one published version, or always the newest. */
export function versionSentence(pinned: number | null): string {
  return pinned === null ? bindingT()('sentences.newest') : bindingT()('sentences.pinned', { version: pinned });
}

export interface BindingRemoval {
  readonly at: string;
  readonly by: string | null;
  readonly scope: 'project' | 'global';
}

/** Why nothing runs on an event for a project, in words: which binding was removed, when and by whom. */
export function gapSentence(event: TriggerEvent, removed: BindingRemoval | null, formatAt: (iso: string) => string): string {
  const when = whenEvent(event);
  if (removed === null) return bindingT()('sentences.gapNone', { when });
  const words = { when, at: formatAt(removed.at), by: removed.by ?? 'nobody' };
  return removed.scope === 'global' ? bindingT()('sentences.gapGlobal', words) : bindingT()('sentences.gapOwn', words);
}
