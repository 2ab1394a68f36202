import { routesOf, json, refusal } from './define-routes';
import { LoadedSampleCompany, RemovedSampleCompany, SampleCompanyStatus } from '../sample-company';

const route = routesOf('sample-company');

export const sampleCompanyStatus = route.get('/api/sample-company', {
  summary: 'Whether the sample company is loaded, and whether the instance is empty (ops, admins)',
  responses: { 200: json('The sample company', SampleCompanyStatus) },
});

export const loadSampleCompany = route.post('/api/sample-company', {
  summary: 'Load the sample company: three levels of people under you, the 5,000,000 annual plan in execution with KPI reports and a milestone about to be missed, and a plan waiting for your approval (ops, admins)',
  description: 'Its people are named "(sample)" and its projects "Sample: …". Built through the same queries and lifecycle workflow as real data.',
  responses: { 201: json('Loaded', LoadedSampleCompany), 409: refusal('The sample company is already loaded') },
});

export const removeSampleCompany = route.delete('/api/sample-company', {
  summary: 'Remove the sample company: its workflows stop, and its projects, people and their inbox items are deleted, nothing else (ops, admins)',
  responses: {
    200: json('Removed', RemovedSampleCompany),
    409: refusal('Something outside the sample depends on it (say, a real person reports to a sample manager)'),
  },
});
