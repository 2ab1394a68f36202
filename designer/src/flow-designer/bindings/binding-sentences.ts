import type { TriggerEvent } from '../../../../workflows/flow';

/** "when …": each trigger event as the end of a sentence. */
export const whenEvent: Record<TriggerEvent, string> = {
  plan_submitted: 'a plan is submitted',
  milestone_at_risk: 'a milestone is at risk',
  milestone_missed: 'a milestone is missed',
  change_requested: 'a change is requested',
  kpi_threshold_crossed: 'a KPI crosses a threshold',
  project_closed: 'the project closes',
  schedule: 'its schedule fires',
};

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

const scopeOf = (projectId: string | null, names: Names) => (projectId === null ? 'every project without a binding of its own' : names.project(projectId));

/** The binding that decides for this scope today (a project falls back to the global one). */
function currentFor(bindings: readonly BindingFacts[], event: TriggerEvent, projectId: string | null): BindingFacts | undefined {
  const same = (b: BindingFacts) => b.triggerEvent === event;
  return bindings.find((b) => same(b) && b.projectId === projectId) ?? (projectId === null ? undefined : bindings.find((b) => same(b) && b.projectId === null));
}

/** The confirmation before binding: what starts running, and what it replaces. */
export function bindSentence(flowId: string, event: TriggerEvent, projectId: string | null, bindings: readonly BindingFacts[], names: Names): string {
  const scope = scopeOf(projectId, names);
  const current = currentFor(bindings, event, projectId);
  if (current?.flowId === flowId && current.projectId === projectId) return `This flow already runs for ${scope} when ${whenEvent[event]}; nothing changes.`;
  const instead =
    current === undefined
      ? ', where nothing runs today'
      : `, instead of “${names.flow(current.flowId)}”${current.projectId === null && projectId !== null ? ' (the flow for all projects)' : ''}`;
  return `From now on, this flow runs for ${scope} when ${whenEvent[event]}${instead}.`;
}

/** The confirmation before unbinding: what stops running, and what (if anything) runs then. */
export function unbindSentence(binding: BindingFacts, bindings: readonly BindingFacts[], names: Names): string {
  const scope = scopeOf(binding.projectId, names);
  const fallback = binding.projectId === null ? undefined : bindings.find((b) => b.triggerEvent === binding.triggerEvent && b.projectId === null);
  const then =
    fallback === undefined
      ? `nothing runs for ${binding.projectId === null ? 'them' : 'it'} then`
      : `“${names.flow(fallback.flowId)}” (the flow for all projects) runs instead`;
  return `From now on, this flow stops running for ${scope} when ${whenEvent[binding.triggerEvent]}; ${then}.`;
}

/** What a binding's version choice means: pinned to one published version, or always the newest. */
export function versionSentence(pinned: number | null): string {
  return pinned === null ? 'New runs use the newest published version, also after the next publish.' : `New runs use version ${pinned} until the binding is changed, whatever is published later.`;
}

export interface BindingRemoval {
  readonly at: string;
  readonly by: string | null;
  readonly scope: 'project' | 'global';
}

/** Why nothing runs on an event for a project, in words: which binding was removed, when and by whom. */
export function gapSentence(event: TriggerEvent, removed: BindingRemoval | null, formatAt: (iso: string) => string): string {
  const nothing = `No flow runs when ${whenEvent[event]}`;
  if (removed === null) return `${nothing}: no binding for this project and no global one.`;
  const which = removed.scope === 'global' ? 'the binding for all projects' : "this project's own binding";
  const rest = removed.scope === 'global' ? '' : ', and there is no binding for all projects';
  return `${nothing}: ${which} was removed on ${formatAt(removed.at)}${removed.by === null ? '' : ` by ${removed.by}`}${rest}.`;
}
