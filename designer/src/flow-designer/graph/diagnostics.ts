import type { Diagnostic, DiagnosticCode } from '../../../../workflows/flow';
import { diagnosticCodes } from '../../../../workflows/flow';

/** One detail of the API's 422 answer to publish or import. */
export interface ApiProblemDetail {
  readonly path: string;
  readonly message: string;
  readonly code?: string | undefined;
  readonly nodeId?: string | undefined;
}

function isDiagnosticCode(code: string | undefined): code is DiagnosticCode {
  return diagnosticCodes.some((known) => known === code);
}

/**
 * The API's refusal back in diagnostic form, so it shows on the steps like local findings. The
 * path is `nodes.<id>.<field>` or `edges.<id>`; node ids may contain dots, so the field is what
 * follows the known node id rather than the last segment.
 */
export function diagnosticsFromApiDetails(details: readonly ApiProblemDetail[]): Diagnostic[] {
  return details.map((detail) => {
    const code = isDiagnosticCode(detail.code) ? detail.code : 'invalid_document';
    const diagnostic: Diagnostic = { code, message: detail.message };
    if (detail.nodeId !== undefined) {
      diagnostic.nodeId = detail.nodeId;
      const prefix = `nodes.${detail.nodeId}.`;
      if (detail.path.startsWith(prefix)) diagnostic.field = detail.path.slice(prefix.length);
    } else if (detail.path.startsWith('edges.')) {
      diagnostic.edgeId = detail.path.slice('edges.'.length);
    }
    return diagnostic;
  });
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.message === b.message && a.nodeId === b.nodeId && a.edgeId === b.edgeId && a.field === b.field;
}

/** Local findings first, then whatever the server found that the browser could not. */
export function mergeDiagnostics(local: readonly Diagnostic[], server: readonly Diagnostic[]): Diagnostic[] {
  return [...local, ...server.filter((found) => !local.some((known) => sameDiagnostic(known, found)))];
}

function sameList(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((item, index) => {
    const other = b[index];
    return other !== undefined && sameDiagnostic(item, other);
  });
}

export type ProblemsById = Readonly<Record<string, readonly Diagnostic[]>>;

/**
 * Diagnostics per node id (or edge id). A list equal to the previous one keeps its identity, so a
 * step subscribed to its own problems re-renders only when they change, not on every keystroke.
 */
export function groupProblems(
  diagnostics: readonly Diagnostic[],
  key: 'nodeId' | 'edgeId',
  previous: ProblemsById = {},
): ProblemsById {
  const grouped: Record<string, Diagnostic[]> = {};
  for (const diagnostic of diagnostics) {
    const id = diagnostic[key];
    if (id === undefined) continue;
    (grouped[id] ??= []).push(diagnostic);
  }
  const result: Record<string, readonly Diagnostic[]> = {};
  for (const [id, list] of Object.entries(grouped)) {
    const before = previous[id];
    result[id] = before !== undefined && sameList(before, list) ? before : list;
  }
  return result;
}

/** True when a diagnostic's field is this form field or lies inside it. */
export function fieldHasProblem(diagnostics: readonly Diagnostic[], path: string): boolean {
  return diagnostics.some((d) => d.field !== undefined && (d.field === path || d.field.startsWith(`${path}.`)));
}
