import { useRef, type ReactNode } from 'react';

/** A button that asks for a flow file (JSON) and hands over the one chosen; the same file can be chosen again. */
export function FlowFileButton({ title, inputTestId, onFile, children }: { title?: string; inputTestId: string; onFile: (file: File) => void; children: ReactNode }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => input.current?.click()} title={title}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid={inputTestId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file !== undefined) onFile(file);
        }}
      />
    </>
  );
}
