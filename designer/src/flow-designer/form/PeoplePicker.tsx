import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../../shared/people';

interface PersonProps {
  readonly id?: string;
  readonly value: string;
  readonly onChange: (userId: string) => void;
  readonly disabled: boolean;
  readonly invalid: boolean;
}

/** Choose one person from the org chart; the flow stores their id. */
export function PersonPicker({ id, value, onChange, disabled, invalid }: PersonProps) {
  const users = usePeople();
  const { t } = useTranslation('flowDesigner');
  const known = users.status === 'ready' ? users.users : [];
  const missing = value !== '' && users.status === 'ready' && !known.some((user) => user.id === value);
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)} disabled={disabled} aria-invalid={invalid} data-picker="person">
      <option value="">{users.status === 'loading' ? t('people.loading') : users.status === 'failed' ? t('people.failed') : t('people.choose')}</option>
      {missing && <option value={value}>{t('people.gone', { id: value.slice(0, 8) })}</option>}
      {known.map((user) => (
        <option key={user.id} value={user.id}>
          {user.name} — {user.email}
        </option>
      ))}
    </select>
  );
}

interface PeopleProps {
  readonly id?: string;
  readonly value: readonly string[];
  readonly onChange: (userIds: string[]) => void;
  readonly disabled: boolean;
  readonly invalid: boolean;
}

/** Choose several people; shown as a list with a picker to add one more. */
export function PeoplePicker({ id, value, onChange, disabled, invalid }: PeopleProps) {
  const users = usePeople();
  const addId = useId();
  const { t } = useTranslation('flowDesigner');
  const known = users.status === 'ready' ? users.users : [];
  const nameOf = (userId: string) => known.find((user) => user.id === userId)?.name ?? t('people.gone', { id: userId.slice(0, 8) });
  const addable = known.filter((user) => !value.includes(user.id));
  return (
    <div className="people" id={id}>
      {value.length > 0 && (
        <ul className="people__list">
          {value.map((userId) => (
            <li key={userId}>
              <span>{nameOf(userId)}</span>
              {!disabled && (
                <button type="button" className="link" onClick={() => onChange(value.filter((other) => other !== userId))} aria-label={t('people.removeNamed', { name: nameOf(userId) })}>
                  {t('people.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!disabled && (
        <select
          id={addId}
          value=""
          aria-label={t('people.add')}
          aria-invalid={invalid}
          onChange={(event) => event.target.value !== '' && onChange([...value, event.target.value])}
          data-picker="people"
        >
          <option value="">{users.status === 'loading' ? t('people.loading') : t('people.addOption')}</option>
          {addable.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name} — {user.email}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
