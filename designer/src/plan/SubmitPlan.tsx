import { Send } from 'lucide-react';
import { Card } from '../shared/Card';
import { Link } from 'wouter';
import { z } from 'zod';
import { ActionButton } from '../shared/ActionButton';
import { requestJson } from '../shared/request';
import type { PlanContext } from './plan-data';

/** Hands the plan to its approval flow (by default, the owner's manager decides). */
export function SubmitPlan({ plan }: { plan: PlanContext }) {
  const { project } = plan.data;
  const submitted = project.lifecycle.planSubmitted === true;

  async function submit() {
    await requestJson(z.unknown(), 'POST', `/api/projects/${project.id}/submit`, {});
    await plan.reload();
  }

  return (
    <Card title="Approval" accent testId="submit-plan">
      {project.phase !== 'planning' ? (
        <p>
          The plan was approved; the project is in execution or later. <Link href={`/projects/${project.id}`}>Go to the project</Link>
        </p>
      ) : submitted ? (
        <p role="status" data-testid="plan-submitted">
          Submitted — waiting for approval. <Link href={`/projects/${project.id}`}>Go to the project</Link>
        </p>
      ) : !project.can.submitPlan ? (
        <p className="muted">Not submitted yet.</p>
      ) : (
        <>
          {project.lifecycle.planRejection && (
            <p className="callout callout--error">
              Last time it was rejected: <strong>{project.lifecycle.planRejection}</strong>
            </p>
          )}
          <p className="field__help">The approver decides on the plan as it stands when they look at it.</p>
          <ActionButton act={submit} label="Submit plan for approval" busyLabel="Submitting…" icon={<Send size={15} aria-hidden="true" />} testId="submit-plan-button" />
        </>
      )}
    </Card>
  );
}
