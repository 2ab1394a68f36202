import { lazy, type ComponentType } from 'react';

/**
 * Each screen is its own chunk, loaded when first opened: the sign-in page and the project list do
 * not carry the flow designer (@xyflow, ELK) or the charts.
 */
const page = <P extends object>(load: () => Promise<ComponentType<P>>) => lazy(async () => ({ default: await load() }));

export const ProjectListPage = page(() => import('../projects/ProjectListPage').then((m) => m.ProjectListPage));
export const NewProjectPage = page(() => import('../plan/NewProjectPage').then((m) => m.NewProjectPage));
export const PlanPage = page(() => import('../plan/PlanPage').then((m) => m.PlanPage));
export const RetrospectivePage = page(() => import('../retrospective/RetrospectivePage').then((m) => m.RetrospectivePage));
export const SalesPlanPage = page(() => import('../sales-plan/SalesPlanPage').then((m) => m.SalesPlanPage));
export const ProjectPage = page(() => import('../projects/ProjectPage').then((m) => m.ProjectPage));
export const InboxPage = page(() => import('../inbox/InboxPage').then((m) => m.InboxPage));
export const PeoplePage = page(() => import('../people/PeoplePage').then((m) => m.PeoplePage));
export const AccountPage = page(() => import('../auth/AccountPage').then((m) => m.AccountPage));
export const AuditTrailPage = page(() => import('../audit/AuditTrailPage').then((m) => m.AuditTrailPage));
export const FlowListPage = page(() => import('../flow-designer/pages/FlowListPage').then((m) => m.FlowListPage));
export const ComparePage = page(() => import('../flow-designer/pages/ComparePage').then((m) => m.ComparePage));
export const VersionPage = page(() => import('../flow-designer/pages/VersionPage').then((m) => m.VersionPage));
export const EditorPage = page(() => import('../flow-designer/pages/EditorPage').then((m) => m.EditorPage));
export const CalendarsPage = page(() => import('../calendars/CalendarsPage').then((m) => m.CalendarsPage));
export const ChatChannelsPage = page(() => import('../chat/ChatChannelsPage').then((m) => m.ChatChannelsPage));
