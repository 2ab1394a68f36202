import { z } from 'zod';

/**
 * A web address for webhooks. Checked by shape rather than with `URL`, because it may contain
 * {{placeholders}} that only become a real address at run time.
 */
export const webAddressSchema = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, {
    message: 'This must be a web address starting with https:// or http://, without spaces.',
  });
