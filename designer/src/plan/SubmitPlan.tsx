import { Send } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Card } from '../shared/Card';
import { Link } from 'wouter';
import { z } from 'zod';
import { ActionButton } from '../shared/ActionButton';
import { requestJson } from '../shared/request';
import type { PlanContext } from './plan-data';

/** Hands the plan to its approval flow (by default, the owner's manager decides). */
export function SubmitPlan({ plan }: { plan: PlanContext }) {
  const { t } = useTranslation('plan');
  const { project } = plan.data;
  const submitted = project.lifecycle.planSubmitted === true;

  async function submit() {
    await requestJson(z.unknown(), 'POST', `/api/projects/${project.id}/submit`, {});
    await plan.reload();
  }

  return (
    <Card title={t('submit.title')} accent testId="submit-plan">
      {project.phase !== 'planning' ? (
        <p>
          {t('submit.approved')} <Link href={`/projects/${project.id}`}>{t('submit.toProject')}</Link>
        </p>
      ) : submitted ? (
        <p role="status" data-testid="plan-submitted">
          {t('submit.submitted')} <Link href={`/projects/${project.id}`}>{t('submit.toProject')}</Link>
        </p>
      ) : !project.can.submitPlan ? (
        <p className="muted">{t('submit.notSubmitted')}</p>
      ) : (
        <>
          {project.lifecycle.planRejection && (
            <p className="callout callout--error">
              {t('submit.lastRejected')} <strong>{project.lifecycle.planRejection}</strong>
            </p>
          )}
          <p className="field__help">{t('submit.help')}</p>
          <ActionButton act={submit} label={t('submit.button')} busyLabel={t('submit.busy')} icon={<Send size={15} aria-hidden="true" />} testId="submit-plan-button" />
        </>
      )}
    </Card>
  );
}
