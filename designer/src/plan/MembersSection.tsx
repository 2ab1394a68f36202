import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorMessage } from '../api/client';
import { ApiFormElement } from '../shared/ApiFormElement';
import { Card } from '../shared/Card';
import { FormActions } from '../shared/FormActions';
import { Options } from '../shared/Options';
import { PersonSelectField, SelectField } from '../shared/SelectField';
import { usePeople, type PeopleState } from '../shared/people';
import { requestJson } from '../shared/request';
import { useApiForm } from '../shared/use-api-form';
import { ItemList, RemoveButton, SectionError } from './ItemList';
import type { PlanContext } from './plan-data';
import { MembersBody, ProjectMember } from '../../../api/contract/plan';

type Member = z.infer<typeof ProjectMember>;
type MemberRole = Member['role'];
const roles = MembersBody.shape.members.element.shape.role.options;

/**
 * One person's change to the list, which the API takes whole (PUT): the list is read again just
 * before, so a change someone else made since the page loaded is kept.
 */
async function changeMembers(projectId: string, change: (members: readonly Member[]) => readonly Pick<Member, 'userId' | 'role'>[]) {
  const path = `/api/projects/${projectId}/members`;
  const current = await requestJson(ProjectMember.array(), 'GET', path);
  return requestJson(ProjectMember.array(), 'PUT', path, { members: change(current).map(({ userId, role }) => ({ userId, role })) });
}

/**
 * Who works on the project besides its owner, and as what: a co-owner plans it, a member works on
 * it (reports KPIs, holds a share of the targets, answers the closing review), a viewer reads it.
 * Changed by those the API's `can.editMembers` names, in every phase.
 */
export function MembersSection({ plan }: { plan: PlanContext }) {
  const { t } = useTranslation('plan');
  const { data, can, reload } = plan;
  const [error, setError] = useState<string | null>(null);
  const members = data.members.map((member) => ({ ...member, id: member.userId }));

  async function remove(member: Member) {
    if (!window.confirm(t('members.removeQuestion', { name: member.name }))) return;
    try {
      await changeMembers(data.project.id, (current) => current.filter((m) => m.userId !== member.userId));
      setError(null);
      await reload();
    } catch (reason) {
      setError(errorMessage(reason));
    }
  }

  return (
    <Card title={t('members.title')} testId="members-section">
      <p className="muted small">{t('members.help')}</p>
      <SectionError message={error} />
      <ItemList items={members} empty={t('members.empty')}>
        {(member) => ({
          main: (
            <>
              <strong>{member.name}</strong> <span className="small muted">{t('members.roleName', { role: member.role })}</span>
            </>
          ),
          actions: can.editMembers && <RemoveButton label={t('members.remove', { name: member.name })} onClick={() => void remove(member)} />,
        })}
      </ItemList>
      {can.editMembers && <MemberForm plan={plan} />}
    </Card>
  );
}

/** One row of the contract's list: its words say what is wrong (no person chosen). */
const memberForm = MembersBody.shape.members.element;

/** Adds a person, or gives someone already on the project another role. */
function MemberForm({ plan }: { plan: PlanContext }) {
  const { t } = useTranslation(['plan', 'shared']);
  const people = usePeople();
  const { project } = plan.data;
  const api = useApiForm({
    schema: memberForm,
    defaultValues: { userId: '', role: 'member' },
    save: ({ userId, role }: { userId: string; role: MemberRole }) => changeMembers(project.id, (current) => [...current.filter((m) => m.userId !== userId), { userId, role }]),
    onSaved: async (saved) => {
      saved.reset();
      await plan.reload();
    },
  });
  const { form, saving, errorOf } = api;
  const others: PeopleState = people.status === 'ready' ? { status: 'ready', users: people.users.filter((user) => user.id !== project.ownerId) } : people;
  return (
    <ApiFormElement api={api} className="subform" aria-label={t('members.add')}>
      <div className="form-row">
        <PersonSelectField label={t('members.person')} error={errorOf('userId')} registration={form.register('userId')} people={others}>
          <option value="">{t('members.choose')}</option>
        </PersonSelectField>
        <SelectField label={t('members.role')} error={errorOf('role')} registration={form.register('role')}>
          <Options items={roles} labelOf={(role) => t('members.roleName', { role })} />
        </SelectField>
      </div>
      <FormActions saving={saving} label={t('members.save')} savingLabel={t('shared:adding')} primary={false} />
    </ApiFormElement>
  );
}
