/** The quiet "saved" line beside a form's buttons; nothing until there is something to say. */
export function DoneNote({ text }: { text: string | null | undefined | false }) {
  if (!text) return null;
  return (
    <span className="good-text" role="status">
      {text}
    </span>
  );
}
