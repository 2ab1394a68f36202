import { sharedResources, type Language } from '../../../workflows/i18n';
import { app as enApp } from './en/app';
import { app as zhApp } from './zh-CN/app';
import { flowDesigner as enFlowDesigner } from './en/flow-designer';
import { flowDesigner as zhFlowDesigner } from './zh-CN/flow-designer';
import { people as enPeople } from './en/people';
import { people as zhPeople } from './zh-CN/people';
import { projects as enProjects } from './en/projects';
import { projects as zhProjects } from './zh-CN/projects';

/**
 * Every catalog the web app reads: the shared ones (workflows/i18n) and one namespace per group
 * of screens. A screen's namespace is named after its folder.
 */
export const resources = {
  en: { ...sharedResources.en, app: enApp, flowDesigner: enFlowDesigner, people: enPeople, projects: enProjects },
  'zh-CN': { ...sharedResources['zh-CN'], app: zhApp, flowDesigner: zhFlowDesigner, people: zhPeople, projects: zhProjects },
} as const satisfies Record<Language, Record<string, unknown>>;

export type Namespace = keyof (typeof resources)['en'];
export const namespaces = Object.keys(resources.en) as Namespace[];
