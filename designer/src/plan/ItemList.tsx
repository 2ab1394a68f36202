import { Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';

/** A plan section's refusal (a removal or a change the API turned down), above its list. */
export function SectionError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="error-text" role="alert">
      {message}
    </p>
  );
}

/** The bin button of one row; `label` names what goes, for screen readers. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="icon-button" aria-label={label} onClick={onClick}>
      <Trash2 size={15} aria-hidden="true" />
    </button>
  );
}

/** The rows of a plan section: what each is, then what can be done with it; `empty` (if given) when there are none. */
export function ItemList<T extends { id: string }>({ items, empty, children }: { items: readonly T[]; empty?: ReactNode; children: (item: T) => { main: ReactNode; actions?: ReactNode } }) {
  if (items.length === 0) return empty === undefined ? null : <p className="muted">{empty}</p>;
  return (
    <ul className="item-list">
      {items.map((item) => {
        const { main, actions } = children(item);
        return (
          <li key={item.id} className="item-list__item">
            <div>{main}</div>
            {actions}
          </li>
        );
      })}
    </ul>
  );
}
