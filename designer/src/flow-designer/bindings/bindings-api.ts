import { BindingBody, BindingEntry, ProjectFlowBinding, UnbindQuery } from '../../../../api/contract/flows';
import { queryString, requestJson } from '../../shared/request';
import type { z } from 'zod';

export type BindingEntry = z.infer<typeof BindingEntry>;
export type BindingBody = z.infer<typeof BindingBody>;
export type ProjectFlowBinding = z.infer<typeof ProjectFlowBinding>;

export const bindingsApi = {
  list: (): Promise<BindingEntry[]> => requestJson(BindingEntry.array(), 'GET', '/api/flow-bindings'),
  bind: (body: BindingBody): Promise<BindingBody> => requestJson(BindingBody, 'PUT', '/api/flow-bindings', body),
  unbind: (query: z.infer<typeof UnbindQuery>): Promise<unknown> => requestJson(UnbindQuery, 'DELETE', `/api/flow-bindings${queryString({ ...query })}`),
  ofProject: (projectId: string): Promise<ProjectFlowBinding[]> =>
    requestJson(ProjectFlowBinding.array(), 'GET', `/api/projects/${encodeURIComponent(projectId)}/flow-bindings`),
};
