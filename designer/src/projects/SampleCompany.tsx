import { useQuery } from '@tanstack/react-query';
import { Building2, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../app/queries';
import { useCan } from '../auth/use-can';
import { ActionButton } from '../shared/ActionButton';
import { formatNumber } from '../shared/format';
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

async function loadSample() {
  await requestJson(LoadedSampleCompany, 'POST', '/api/sample-company');
  await refreshAfterChange();
}

async function removeSample() {
  await requestJson(RemovedSampleCompany, 'DELETE', '/api/sample-company');
  await refreshAfterChange();
}

/** The empty projects page: how to start, and for ops and admins on an empty instance, a sample company to look around in. */
export function NoProjectsYet() {
  const { t } = useTranslation('projects');
  const status = useSampleStatus();
  const offer = status?.instanceEmpty === true && !status.loaded;
  return (
    <div className="page-state" data-testid="project-list-empty">
      <p className="muted">{t('sample.empty')}</p>
      {offer && (
        <section className="card sample-offer" aria-labelledby="sample-offer-title" data-testid="sample-offer">
          <h2 id="sample-offer-title">{t('sample.offerTitle')}</h2>
          <p>{t('sample.offer', { amount: formatNumber(5_000_000) })}</p>
          <ActionButton
            act={loadSample}
            label={t('sample.load')}
            busyLabel={t('sample.loading')}
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
  const { t } = useTranslation('projects');
  const status = useSampleStatus();
  if (!status?.loaded) return null;
  return (
    <div className="callout callout--info sample-notice" role="note" data-testid="sample-notice">
      <p>{t('sample.notice', { people: status.people, projects: status.projects, marker: status.marks?.person ?? '', prefix: `${status.marks?.project ?? ''}…` })}</p>
      <ActionButton
        act={removeSample}
        confirm={t('sample.removeConfirm')}
        label={t('sample.remove')}
        busyLabel={t('sample.removing')}
        icon={<Trash2 size={16} aria-hidden="true" />}
        testId="remove-sample"
      />
    </div>
  );
}
