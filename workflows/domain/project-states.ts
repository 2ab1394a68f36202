/** What a project, its milestones, members and closing review can be: stored by the database, spoken by the API. */
export const projectStatuses = ['active', 'closed'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];
export const projectMemberRoles = ['owner', 'member', 'viewer'] as const;
export type ProjectMemberRole = (typeof projectMemberRoles)[number];
export const milestoneStatuses = ['pending', 'met', 'missed'] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];
/** A milestone's target or due time may be asked to change (a change request) only until it is checked. */
export const milestoneTakesChanges = (status: MilestoneStatus): boolean => status === 'pending';
export const milestoneTargetKinds = ['cumulative', 'period'] as const;
export type MilestoneTargetKind = (typeof milestoneTargetKinds)[number];
export const retrospectiveStatuses = ['collecting', 'finalized'] as const;
export type RetrospectiveStatus = (typeof retrospectiveStatuses)[number];
