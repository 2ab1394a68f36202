import { z } from '@hono/zod-openapi';
import { Uuid, Name } from './common';

const userIds = z
  .array(Uuid)
  .max(1000)
  .superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [index], message: 'is listed twice' });
      seen.add(id);
    });
  });

export const NewTeamBody = z
  .strictObject({ name: Name(200), memberIds: userIds.default([]) })
  .openapi('NewTeam');

export const TeamMembersBody = z.strictObject({ userIds }).openapi('TeamMembersInput');

export const Team = z
  .object({
    id: z.string(),
    name: z.string(),
    members: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
    createdAt: z.string(),
  })
  .openapi('Team');
