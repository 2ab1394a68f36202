import { routesOf, json, refusal, jsonBody } from './define-routes';
import { simulationRequestSchema, simulationResultSchema } from '../../../workflows/flow/simulation';
import { IdParam } from '../common';

const route = routesOf('flows');

export const simulateFlow = route.post('/api/flows/{id}/simulate', {
  summary: 'Test run: what the draft (or a version) would do for a project, on a simulated clock, with scripted answers; writes and sends nothing; ops and admins',
  request: { params: IdParam, body: jsonBody(simulationRequestSchema) },
  responses: {
    200: json('The timeline of the test run', simulationResultSchema),
    422: refusal('The draft does not validate; `details` lists each problem'),
  },
});
