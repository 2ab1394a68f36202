import { Send } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import { errorMessage } from '../api/client';
import { requestJson } from '../shared/request';
import type { PlanContext } from './plan-data';

/** Hands the plan to its approval flow (by default, the owner's manager decides). */
export function SubmitPlan({ plan }: { plan: PlanContext }) {
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const { project } = plan.data;
  const submitted = project.lifecycle.planSubmitted === true;

  async function submit() {
    setSending(true);
    try {
      await requestJson(z.unknown(), 'POST', `/api/projects/${project.id}/submit`, {});
      setError(null);
      await plan.reload();
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setSending(false);
    }
  }

  return (
    <section className="card card--accent" aria-labelledby="submit-title" data-testid="submit-plan">
      <h2 id="submit-title">Approval</h2>
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
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="button button--primary" disabled={sending} onClick={() => void submit()} data-testid="submit-plan-button">
            <Send size={15} aria-hidden="true" /> {sending ? 'Submitting…' : 'Submit plan for approval'}
          </button>
        </>
      )}
    </section>
  );
}
