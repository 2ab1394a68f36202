import { z } from '@hono/zod-openapi';

/** Whether the sample company is loaded, and whether the instance is empty (no project at all), when it is offered. */
export const SampleCompanyStatus = z
  .object({
    loaded: z.boolean().openapi({ description: 'The sample company is loaded; removing it deletes exactly what it made' }),
    instanceEmpty: z.boolean().openapi({ description: 'There is no project at all: the projects page offers the sample' }),
    people: z.number().int().openapi({ description: 'How many people the loaded sample has' }),
    projects: z.number().int().openapi({ description: 'How many projects the loaded sample has' }),
    marks: z
      .object({ person: z.string(), project: z.string() })
      .nullable()
      .openapi({ description: "What the loaded sample's people's names end with and its projects' names start with, in the language it was loaded in; null when none is loaded" }),
  })
  .openapi('SampleCompanyStatus');

const Named = z.object({ id: z.string(), name: z.string() });

export const LoadedSampleCompany = z
  .object({
    people: Named.array(),
    projects: Named.array(),
    annualPlanApproved: z.boolean().openapi({ description: 'The annual plan was approved in your name and is in execution (false: its approval still waits)' }),
  })
  .openapi('LoadedSampleCompany');

export const RemovedSampleCompany = z
  .object({ people: z.number().int(), projects: z.number().int() })
  .openapi('RemovedSampleCompany');

export type SampleCompanyStatus = z.infer<typeof SampleCompanyStatus>;
