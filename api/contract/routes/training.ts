import { json, jsonBody, routesOf } from './define-routes';
import { projectItemRoutes } from './project-items';
import { AttendeeParams, AttendeeRecordBody, NewTrainingBody, TrainingItem, TrainingParams, TrainingPatchBody, TrainingQuery } from '../training';

export const trainingRoutes = projectItemRoutes({
  tag: 'training',
  path: '/api/projects/{id}/training',
  itemPath: '/api/projects/{id}/training/{trainingId}',
  params: TrainingParams,
  item: TrainingItem,
  newBody: NewTrainingBody,
  patchBody: TrainingPatchBody,
  list: { summary: 'Training and mentoring items by date, with attendees and their attendance and completion', answer: 'Training items', body: TrainingItem.array(), query: TrainingQuery },
  create: { summary: 'Plan a training or mentoring item: attendees are reminded the day before; not completed by its date, it raises "training overdue"', answer: 'Planned' },
  get: { summary: 'One training item', answer: 'The training item' },
  update: { summary: 'Change a training item; a new date moves its reminder and completion check' },
  delete: { summary: 'Remove a training item' },
});

export const recordAttendance = routesOf('training').patch('/api/projects/{id}/training/{trainingId}/attendees/{userId}', {
  summary: "Record an attendee's attendance, completion and score (the project's planners for anyone, an attendee for themself)",
  request: { params: AttendeeParams, body: jsonBody(AttendeeRecordBody) },
  responses: { 200: json('Recorded', TrainingItem) },
});
