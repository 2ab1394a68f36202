import type { TargetGranularity } from '../decompose-target';

/** A goal's allocation among members as a change request carries it: the allocation body's shape. */
export interface AllocationValue {
  granularity: TargetGranularity;
  weights?: number[] | null | undefined;
  scale: number;
  timeZone?: string | null | undefined;
  shares: { userId?: string | null | undefined; teamId?: string | null | undefined; weight?: number | null | undefined; amount?: string | null | undefined }[];
}
