import { IANAZone } from 'luxon';
import { z } from 'zod';

/** The org's zone when none is configured (the first customers work in mainland China). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const isValidTimeZone = (zone: string): boolean => IANAZone.isValidZone(zone);

export const timeZoneSchema = z
  .string()
  .refine(isValidTimeZone, { error: (issue) => `${String(issue.input)} is not an IANA time zone (e.g. Asia/Shanghai)` });
