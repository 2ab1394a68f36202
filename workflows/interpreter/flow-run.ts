import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import { flowDocumentSchema } from '../flow/graph-schema';
import { decideUpdate, flowCalendarChangedSignal, flowRunStateQuery, type FlowRunInput, type FlowRunResult } from './flow-run-messages';
import { createFlowRunner } from './flow-runner';
import { temporalFlowEnv } from './temporal-env';

/**
 * Runs one published flow version for one event on the engine: the interpreter (flow-runner.ts)
 * with durable timers, its effects as activities, people's decisions through the `decide` update.
 */
export async function flowRun(input: FlowRunInput): Promise<FlowRunResult> {
  const parsed = flowDocumentSchema.safeParse(input.document);
  if (!parsed.success) {
    throw ApplicationFailure.create({ type: 'InvalidFlow', message: `The flow version cannot run: ${parsed.error.message}`, nonRetryable: true });
  }
  const runner = createFlowRunner(input, parsed.data, temporalFlowEnv());
  setHandler(flowRunStateQuery, runner.state);
  setHandler(decideUpdate, runner.decide, { validator: runner.validateDecision });
  setHandler(flowCalendarChangedSignal, runner.calendarChanged);
  return runner.run();
}
