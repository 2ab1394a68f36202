// The worker's workflow bundle entry: every workflow type the worker runs.
export { salesProject } from './sales-project';
export { flowRun } from './interpreter/flow-run';
export { retrospective } from './retrospective';
export { raiseBoundFlow } from './raise-bound-flow';
export { scheduledFlowTick } from './scheduled-flow';
export { trainingDue } from './training-due';
export { incentivePayout } from './incentive-payout';
