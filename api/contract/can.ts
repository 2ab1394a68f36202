import { z } from '@hono/zod-openapi';

/*
 * What the signed-in person may do, as the API's own guards decide it (api/access): the web app
 * shows an action only when its flag is true, and decides nothing itself. Kept free of other
 * imports so the browser can load it.
 */

const may = (description: string) => z.boolean().openapi({ description });

/** What the signed-in person may do with a project right now: their access and its phase, as the routes decide it. */
export const ProjectCan = z
  .object({
    editPlan: may('Change goals, milestones, budget plans, risks and the target split (planners, in planning)'),
    editBasics: may("Change the project's name, description, owner, team, calendar, review cadence and monitoring window (planners, until the closing review; timer changes in execution as change requests)"),
    submitPlan: may('Submit the plan for approval (planners, in planning)'),
    requestChange: may('Request a target or date change (planners, in execution)'),
    reportKpi: may('Report or import KPI figures (its team, until the results are frozen)'),
    editTasks: may('Add, change and remove tasks (its team, in every phase)'),
    bookSpending: may('Book spending on budget lines (planners, in every phase)'),
    close: may('Close the project early (planners, before its closing review)'),
    editMembers: may('Choose who works on the project and as what: co-owner, member or viewer (planners, in every phase)'),
    answerReview: may('Answer the closing review (its team, while the review collects answers)'),
    finalizeReview: may('Finalize the closing review (planners, while it collects answers)'),
    readHistory: may("Read the project's audit trail (admins, and managers who plan it)"),
  })
  .openapi('ProjectCan');

/** What the person's role lets them do anywhere, as the routes decide it. */
export const SessionCan = z
  .object({
    createProject: z.boolean().openapi({ description: 'Start a project (admins, managers, members)' }),
    chooseProjectOwner: z.boolean().openapi({ description: "Start a project owned by someone else (admins; managers for the people below them)" }),
    editFlows: z.boolean().openapi({ description: 'Create, change, import, publish, bind and test-run flows (ops, admins)' }),
    managePeople: z.boolean().openapi({ description: 'Add people and change their accounts and roles (admins)' }),
    manageTeams: z.boolean().openapi({ description: 'Create teams and change their members (admins)' }),
    readAuditTrail: z.boolean().openapi({ description: 'Read the whole audit trail (admins)' }),
    manageCalendars: z.boolean().openapi({ description: "Import or edit a year of a shared holiday calendar such as cn-mainland (admins)" }),
    manageChatChannels: z.boolean().openapi({ description: 'Connect, change, test and remove chat channels (WeCom, DingTalk, Feishu, Slack) (admins)' }),
    loadSampleCompany: z.boolean().openapi({ description: 'Load and remove the sample company (ops, admins)' }),
  })
  .openapi('SessionCan');

/** What the signed-in person may do with an approval or acknowledgement request. */
export const ApprovalCan = z
  .object({
    decide: z.boolean().openapi({ description: 'Approve, reject, acknowledge or delegate it: it is pending and assigned to you (not with a viewer-scoped token)' }),
    delegate: z.boolean().openapi({ description: 'Hand it on to someone else: you may decide it, and it is an acknowledgement or its step allows delegation' }),
  })
  .openapi('ApprovalCan');
