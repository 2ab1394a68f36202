import type { Diagnostic, FlowDraft, ValidateOptions } from '../../../../workflows/flow';

/**
 * Roles and teams the API has said have active people. Only the API can know (it reads the org
 * chart); the browser learns it by comparing its own findings with the API's for the same draft:
 * a "needs a fallback" the API did not report means that role or team resolves today.
 */
export interface KnownPeople {
  readonly roles: ReadonlySet<string>;
  readonly teams: ReadonlySet<string>;
}

export const nobodyKnown: KnownPeople = { roles: new Set(), teams: new Set() };

function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function sameFinding(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.nodeId === b.nodeId && a.field === b.field;
}

export function learnKnownPeople(draft: FlowDraft, local: readonly Diagnostic[], server: readonly Diagnostic[], known: KnownPeople = nobodyKnown): KnownPeople {
  const roles = new Set(known.roles);
  const teams = new Set(known.teams);
  for (const finding of local) {
    if (finding.code !== 'needs_fallback' || finding.nodeId === undefined || finding.field === undefined) continue;
    if (server.some((other) => sameFinding(other, finding))) continue;
    const rule = at(draft.nodes.find((node) => node.id === finding.nodeId)?.config, finding.field);
    if (typeof rule !== 'object' || rule === null) continue;
    const { kind, role, teamId } = rule as { kind?: unknown; role?: unknown; teamId?: unknown };
    if (kind === 'role' && typeof role === 'string') roles.add(role);
    if (kind === 'team' && typeof teamId === 'string') teams.add(teamId);
  }
  return { roles, teams };
}

/** Validation options that trust what the API said; anything else is judged by the rule's nature. */
export function validateOptionsFor(known: KnownPeople): ValidateOptions {
  return {
    resolvesToSomeone: (rule) => {
      if (rule.kind === 'role' && known.roles.has(rule.role)) return true;
      if (rule.kind === 'team' && known.teams.has(rule.teamId)) return true;
      return undefined;
    },
  };
}
