export * from './languages';
export type { Translation } from './translation';
export { sharedResources, type SharedNamespace } from './resources';
export { branchPortKey, catalogPath, flowCatalogKeys, icuLiteral, icuPattern, type FlowCatalogMessages, type NodeMessages } from './flow-catalog';
export { formatShared } from './format';
export { timelineEntryText } from './retrospective-timeline';
