import { z } from '@hono/zod-openapi';
import { businessCalendarSchema } from '../../workflows/domain/business-calendar';
import { Name, Prose, Uuid } from './common';
import { ChangeReason, ChangeRequest } from './lifecycle';
import { MonitoringDays, ProjectBasics, ReviewEveryDays } from './projects';

/** The fields of a project's basics that move its timers: once it runs, they change through a change request. */
export const timerBasics = ['calendar', 'reviewEveryDays', 'monitoringDays'] as const;

/**
 * A change of a project's basics: only the fields given change. Name, description, owner and team
 * change at once; calendar, review cadence and monitoring window move timers, so in execution each
 * becomes a change request (with `reason`), and in planning they change at once.
 */
export const ProjectBasicsBody = z
  .strictObject({
    name: Name(200).optional(),
    description: Prose(4000).nullable().optional().openapi({ description: 'What the project is about; empty or null for none' }),
    ownerId: Uuid.optional(),
    teamId: Uuid.nullable().optional().openapi({ description: 'The team the project is for; null for none' }),
    calendar: businessCalendarSchema.optional(),
    reviewEveryDays: ReviewEveryDays.optional(),
    monitoringDays: MonitoringDays.optional(),
    reason: ChangeReason.optional().openapi({ description: 'Why the timers move: needed when a calendar, cadence or window change becomes a change request (execution)' }),
  })
  .refine((body) => Object.entries(body).some(([key, value]) => key !== 'reason' && value !== undefined), { error: 'name at least one field to change' })
  .openapi('ProjectBasicsChange');

export const ProjectBasicsChanged = z
  .object({
    basics: ProjectBasics,
    changeRequests: z.array(ChangeRequest).openapi({ description: 'The change requests made for the timer-moving fields (execution), each with the timers it would move' }),
  })
  .openapi('ProjectBasicsChanged');
