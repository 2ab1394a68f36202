import { z } from 'zod';
import { defineNode, inPort, requiredOutput } from '../node-def';
import { webAddressSchema } from '../web-address';

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const headerNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, { message: 'A header name is letters, digits and - without spaces.' });

export const webhookConfigSchema = z
  .strictObject({
    url: webAddressSchema.meta({ title: 'Address', description: 'May use {{variables}}.' }),
    method: z.enum(httpMethods).meta({ title: 'Method' }),
    headers: z
      .record(headerNameSchema, z.string().max(1000).regex(/^[^\r\n]*$/, { message: 'A header value is one line, without line breaks.' }))
      .refine((headers) => Object.keys(headers).length <= 20, { message: 'A webhook can send at most 20 headers.' })
      .meta({ title: 'Headers' }),
    body: z.string().max(20_000).optional().meta({ title: 'Body', description: 'May use {{variables}}.' }),
    retries: z.int().min(0).max(10).meta({ title: 'Retries after a failure' }),
    timeoutSeconds: z.int().min(1).max(120).meta({ title: 'Give up after (seconds)' }),
  })
  .superRefine((config, ctx) => {
    if (config.method === 'GET' && config.body !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'A GET request cannot carry a body; use POST or remove the body.' });
    }
  });
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

export const webhook = defineNode({
  kind: 'webhook',
  label: 'HTTP webhook',
  help: 'Calls another system over HTTP, retrying a few times. Goes on along "success" for a 2xx answer and "failure" otherwise.',
  icon: 'webhook',
  category: 'actions',
  config: webhookConfigSchema,
  defaults: {
    url: 'https://example.com/hooks/milepost',
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"project": "{{project.id}}"}',
    retries: 3,
    timeoutSeconds: 10,
  },
  inputs: [inPort],
  outputs: () => [requiredOutput('success', 'Success'), requiredOutput('failure', 'Failure')],
  waits: false,
  provides: () => [{ name: 'webhook.status', label: 'HTTP status of the answer', type: 'number' }],
  uses: (config) => ({
    templates: [
      { field: 'url', text: config.url },
      ...Object.entries(config.headers).map(([name, text]) => ({ field: `headers.${name}`, text })),
      ...(config.body === undefined ? [] : [{ field: 'body', text: config.body }]),
    ],
  }),
});
