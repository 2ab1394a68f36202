export * from './languages';
export type { Translation } from './translation';
export { sharedResources, type SharedNamespace } from './resources';
export { formatShared } from './format';
