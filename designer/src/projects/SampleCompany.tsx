import { useQuery } from '@tanstack/react-query';
import { Building2, Trash2 } from 'lucide-react';
import { queryClient } from '../app/queries';
import { useCan } from '../auth/use-can';
import { ActionButton } from '../shared/ActionButton';
import { reloadPeople } from '../shared/people';
import { requestJson } from '../shared/request';
import { LoadedSampleCompany, RemovedSampleCompany, SampleCompanyStatus } from '../../../api/contract/sample-company';

const statusKey = ['sample-company'];

/** Whether the sample company is loaded and the instance empty; asked only by those who may load it. */
function useSampleStatus(): SampleCompanyStatus | undefined {
  const may = useCan('loadSampleCompany');
  return useQuery({ queryKey: statusKey, queryFn: () => requestJson(SampleCompanyStatus, 'GET', '/api/sample-company'), enabled: may }).data;
}

/** After loading or removing: the projects, the people and the sample's status are all asked again. */
async function refreshAfterChange() {
  await Promise.all([queryClient.invalidateQueries({ queryKey: ['projects'] }), queryClient.invalidateQueries({ queryKey: statusKey }), reloadPeople()]);
}

/** The empty projects page: how to start, and for ops and admins on an empty instance, a sample company to look around in. */
export function NoProjectsYet() {
  const status = useSampleStatus();
  const offer = status?.instanceEmpty === true && !status.loaded;
  return (
    <div className="page-state" data-testid="project-list-empty">
      <p className="muted">No projects yet. Create the first one.</p>
      {offer && (
        <section className="card sample-offer" aria-labelledby="sample-offer-title" data-testid="sample-offer">
          <h2 id="sample-offer-title">Or look around a sample company first</h2>
          <p>
            Seven people on three levels reporting to you, a 5,000,000 annual plan split into quarters and months with KPI reports and a milestone about to be missed, and a
            plan waiting for your approval — run by the default flows, like real data. Everything in it is marked “sample”, and one click removes it, leaving the rest as it
            was.
          </p>
          <ActionButton
            act={async () => {
              await requestJson(LoadedSampleCompany, 'POST', '/api/sample-company');
              await refreshAfterChange();
            }}
            label="Load the sample company"
            busyLabel="Loading the sample company…"
            icon={<Building2 size={16} aria-hidden="true" />}
            testId="load-sample"
          />
        </section>
      )}
    </div>
  );
}

/** While the sample company is loaded: a line saying so, and the one action that removes it. */
export function SampleCompanyNotice() {
  const status = useSampleStatus();
  if (!status?.loaded) return null;
  return (
    <div className="callout callout--info sample-notice" role="note" data-testid="sample-notice">
      <p>
        The sample company is loaded: {status.people} people named “(sample)” and {status.projects} projects named “Sample: …”. Removing it deletes exactly these, and stops
        their workflows.
      </p>
      <ActionButton
        act={async () => {
          await requestJson(RemovedSampleCompany, 'DELETE', '/api/sample-company');
          await refreshAfterChange();
        }}
        confirm="Remove the sample company? Its people and projects are deleted; nothing else is touched."
        label="Remove the sample company"
        busyLabel="Removing…"
        icon={<Trash2 size={16} aria-hidden="true" />}
        testId="remove-sample"
      />
    </div>
  );
}
