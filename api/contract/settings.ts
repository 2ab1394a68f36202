import { z } from '@hono/zod-openapi';
import { languages } from '../../workflows/i18n/languages';

/** The instance's language: what Milepost writes in (inbox messages, e-mails) to people who chose none of their own. */
export const InstanceLanguage = z
  .strictObject({
    language: z
      .enum(languages, { message: `must be one of ${languages.join(', ')}` })
      .openapi({ description: "What Milepost writes in to people who chose no language of their own (inbox messages, e-mails, chat); the web app shows such a person their browser's language" }),
  })
  .openapi('InstanceLanguage');

export type InstanceLanguage = z.infer<typeof InstanceLanguage>;
