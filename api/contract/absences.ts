import { z } from '@hono/zod-openapi';
import { Timestamp, Uuid } from './common';

const Named = z.object({ id: z.string(), name: z.string() });

export const AbsenceBody = z
  .strictObject({
    startsAt: Timestamp.openapi({ description: 'From when requests go to the deputy' }),
    endsAt: Timestamp.openapi({ description: 'Until when (exclusive): from then on requests reach the person again' }),
    deputyId: Uuid.openapi({ description: 'Who takes their requests meanwhile: someone else, active' }),
  })
  .superRefine((body, ctx) => {
    if (Date.parse(body.endsAt) <= Date.parse(body.startsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start (startsAt)' });
  })
  .openapi('AbsenceInput');

export const Absence = z
  .object({
    userId: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    deputy: Named,
    setBy: Named.nullable().openapi({ description: 'Who set it: the person, or a manager above them' }),
    current: z.boolean().openapi({ description: 'It holds now: requests arriving now go to the deputy' }),
  })
  .openapi('Absence');

export const AbsenceState = z.object({ absence: Absence.nullable().openapi({ description: 'Null: no absence is set' }) }).openapi('AbsenceState');

export type Absence = z.infer<typeof Absence>;
export type AbsenceState = z.infer<typeof AbsenceState>;
