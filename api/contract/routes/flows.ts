import { routesOf, json, jsonBody, optionalJsonBody, refusal } from './define-routes';
import { IdParam } from '../common';
import { BindingBody, BindingEntry, Diagnostic, FlowDetail, FlowListQuery, FlowSummary, FlowVersionDetail, ImportBody, NewFlowBody, ProjectFlowBinding, PublishBody, SavedFlowDraft, SaveDraftBody, UnbindQuery, VersionParams, WebhookSecret } from '../flows';

const invalidFlow = refusal('The flow does not validate; `details` lists each problem');

const route = routesOf('flows');

const archivedFlow = refusal('The flow is archived: restore it first');

export const listFlows = route.get('/api/flows', {
  summary: 'The flows in use (or, with `archived=true`, the archived ones) with their newest published version',
  request: { query: FlowListQuery },
  responses: { 200: json('Flows', FlowSummary.array()) },
});

export const archiveFlow = route.post('/api/flows/{id}/archive', {
  summary: 'Archive a flow no event is bound to: it leaves the list and its versions stay for the runs that used them; ops and admins',
  request: { params: IdParam },
  responses: { 200: json('Archived', FlowSummary), 409: refusal('The flow is still bound; `details` names each binding') },
});

export const restoreFlow = route.post('/api/flows/{id}/restore', {
  summary: 'Bring an archived flow back into use; ops and admins',
  request: { params: IdParam },
  responses: { 200: json('Restored', FlowSummary) },
});

export const createFlow = route.post('/api/flows', {
  summary: 'Create a flow from a draft (it may still have problems; publishing checks); ops and admins',
  request: { body: jsonBody(NewFlowBody) },
  responses: { 201: json('Created', FlowDetail) },
});

export const importFlow = route.post('/api/flows/import', {
  summary: 'Import an exported flow as a new flow; refused unless it validates; ops and admins',
  request: { body: jsonBody(ImportBody) },
  responses: { 201: json('Imported', FlowDetail), 422: invalidFlow },
});

export const validateFlow = route.post('/api/flows/validate', {
  summary: 'Check a flow document without saving it',
  request: { body: jsonBody(ImportBody) },
  responses: { 200: json('Diagnostics (empty = publishable)', Diagnostic.array()) },
});

export const getFlow = route.get('/api/flows/{id}', {
  summary: 'A flow: its draft, the draft’s diagnostics and its versions',
  request: { params: IdParam },
  responses: { 200: json('The flow', FlowDetail) },
});

export const saveDraft = route.put('/api/flows/{id}/draft', {
  summary: 'Save the draft (published versions are never touched); ops and admins',
  request: { params: IdParam, body: jsonBody(SaveDraftBody) },
  responses: { 200: json('Saved, with its diagnostics', FlowDetail), 409: archivedFlow },
});

export const publishFlow = route.post('/api/flows/{id}/publish', {
  summary: 'Publish the draft as the next immutable version, as the signed-in person; refused while it has problems; ops and admins',
  request: { params: IdParam, body: optionalJsonBody(PublishBody) },
  responses: { 201: json('Published', FlowVersionDetail), 409: archivedFlow, 422: invalidFlow },
});

export const listVersions = route.get('/api/flows/{id}/versions', {
  summary: 'Published versions, newest first',
  request: { params: IdParam },
  responses: { 200: json('Versions', FlowVersionDetail.omit({ document: true, flowId: true }).array()) },
});

export const getVersion = route.get('/api/flows/{id}/versions/{version}', {
  summary: 'One published version, exactly as it runs',
  request: { params: VersionParams },
  responses: { 200: json('The version', FlowVersionDetail) },
});

export const exportFlow = route.get('/api/flows/{id}/export', {
  summary: 'The draft as a JSON file to import elsewhere',
  request: { params: IdParam },
  responses: { 200: json('The flow document, as saved (its nodes may be unfinished)', SavedFlowDraft) },
});

export const getWebhookSecret = route.get('/api/flows/{id}/webhook-secret', {
  summary: 'The secret this flow’s webhook steps sign their bodies with, for the receiver to verify; ops and admins',
  request: { params: IdParam },
  responses: { 200: json('The flow’s signing secret', WebhookSecret) },
});

export const listBindings = route.get('/api/flow-bindings', {
  summary: 'Which flow runs on which event, globally or per project; schedule bindings with their next five run times',
  standardErrors: false,
  responses: { 200: json('Bindings', BindingEntry.array()) },
});

export const unbindFlow = route.delete('/api/flow-bindings', {
  summary: 'Unbind the flow of an event for one project (projectId) or for all (no projectId); a schedule binding’s Temporal Schedule is deleted; ops and admins',
  request: { query: UnbindQuery },
  responses: { 200: json('Unbound', UnbindQuery) },
});

export const bindFlow = route.put('/api/flow-bindings', {
  summary: 'Bind a flow to an event for one project (projectId) or all (null); new runs use its newest version; ops and admins',
  request: { body: jsonBody(BindingBody) },
  responses: { 200: json('Bound', BindingBody), 409: archivedFlow },
});

export const projectFlowBindings = route.get('/api/projects/{id}/flow-bindings', {
  summary: "For each trigger event, the flow that runs for this project and why (its own binding, the global one, or none); those who may read the project",
  request: { params: IdParam },
  responses: { 200: json('One entry per trigger event', ProjectFlowBinding.array()) },
});
