/**
 * The flow language: node kinds, the saved-flow schema, validation and the pure helpers the
 * interpreter needs. Imports nothing but zod, json-logic-js and croner (pure), so it runs in the Temporal
 * workflow sandbox, the API and the browser alike.
 */
export {
  nodeCatalog,
  nodeKinds,
  isNodeKind,
  nodeDef,
  flowNodeSchema,
  nodeConfigSchema,
  type NodeCatalog,
  type NodeKind,
  type NodeConfig,
  type FlowNode,
  type KindAndConfig,
} from './catalog';
export {
  flowDocumentSchema,
  flowDraftSchema,
  flowDraftNodeSchema,
  flowEdgeSchema,
  portIdSchema,
  flowSchemaVersion,
  maxFlowNodes,
  maxFlowEdges,
  type FlowDocument,
  type FlowDraft,
  type FlowDraftNode,
  type FlowEdge,
} from './graph-schema';
export {
  nodeCategories,
  nodeCategoryLabels,
  type AnyNodeDef,
  type InputPort,
  type NodeCategory,
  type NodeTypeDef,
  type NodeUses,
  type OutputPort,
} from './node-def';
export { nodeIdSchema, positionSchema, nodeLabelSchema, type Position } from './node-envelope';
export { validateFlow, checkPublishable, type ValidateOptions, type PublishCheck } from './validate';
export { diagnosticSchema, diagnosticCodes, type Diagnostic, type DiagnosticArg, type DiagnosticCode, type DiagnosticPhrase } from './diagnostic';
export { checkTemplate, describePeopleRule, diagnosticSentence, englishSentence, type DiagnosticTranslate } from './diagnostic-sentence';
export {
  checkConnection,
  connectionRefusals,
  isValidConnection,
  outputPortsOf,
  inputPortsOf,
  type ConnectionCheck,
  type ConnectionRefusal,
  type ConnectionLike,
  type GraphLike,
  type NodeLike,
} from './connection';
export { variablesAvailableAt } from './variable-availability';
export {
  variablesForEvent,
  eventVariables,
  projectVariables,
  recipientVariables,
  variableNameSchema,
  type VariableDef,
} from './context-variables';
export { triggerEvents, triggerEventSchema, triggerEventLabels, triggerRaisers, whyNotRaisable, type TriggerEvent, type TriggerRaiser } from './trigger-events';
export {
  durationSchema,
  durationUnits,
  calendarUnits,
  businessUnits,
  durationToMs,
  isCalendarDuration,
  describeDuration,
  type Duration,
  type DurationUnit,
  type CalendarDuration,
  type BusinessDuration,
} from './duration';
export { ruleSchema, ruleOperators, checkRule, ruleVariables, evaluateRule, RuleError, type Rule } from './rule';
export { templateVariables, templateProblem, renderTemplate, lookupVariable } from './template';
export { checkCron, nextCronRuns, normalizeCron, cronMacros } from './cron';
export { scheduleOfDocument, type BindingSchedule, type SchedulePhase } from './schedule-of';
export {
  recipientRuleSchema,
  approverRuleSchema,
  fallbackSchema,
  alwaysResolves,
  peopleRulePhrase,
  type RecipientRule,
  type ApproverRule,
  type PeopleRule,
  type Fallback,
} from './people-rule';
export { channels, channelSchema, channelLabels, type Channel } from './channel';
export { approvalModes, timeoutActions, type ApprovalConfig } from './nodes/approval';
export { flowResults, type EndConfig, type FlowResult } from './nodes/end';
export { projectHealths, type SetStatusConfig } from './nodes/set-status';
export { branchPortId, type ParallelSplitConfig } from './nodes/parallel-split';
export { httpMethods, type WebhookConfig } from './nodes/webhook';
export type { TriggerConfig } from './nodes/trigger';
export type { NotifyConfig } from './nodes/notify';
export type { WaitForAckConfig } from './nodes/wait-for-ack';
export type { ConditionConfig } from './nodes/condition';
export type { DelayConfig } from './nodes/delay';
export type { EscalateConfig } from './nodes/escalate';
export type { CreateTaskConfig } from './nodes/create-task';
export type { StartRetrospectiveConfig } from './nodes/start-retrospective';
export type { ParallelJoinConfig } from './nodes/parallel-join';
export { diffFlows, isUnchanged, sameJson, type FlowDiff, type ChangedStep } from './flow-diff';
export {
  defaultFlows,
  milestoneMissEscalationFlow,
  planApprovalFlow,
  targetChangeApprovalFlow,
  directorBudgetThreshold,
  escalationAckHours,
  escalationLevels,
} from './default-flows';
