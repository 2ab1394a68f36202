import { formatDateTime, fromNow } from './time';

/** A moment in the reader's zone with how far away it is: "12 Mar 2027, 18:00 (in 2 days)". */
export function TimeText({ at, hint = true }: { at: string; hint?: boolean }) {
  return (
    <time dateTime={at} title={at}>
      {formatDateTime(at)}
      {hint && <span className="muted"> ({fromNow(at)})</span>}
    </time>
  );
}
