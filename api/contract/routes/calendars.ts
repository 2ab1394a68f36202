import { routesOf, json, jsonBody } from './define-routes';
import { CalendarYearParams, HolidayCsvText, HolidayIcsText, SharedCalendar, SharedCalendarYear, SharedCalendarYearChange, SharedYearBody, SharedYearImportBody } from '../calendars';

const route = routesOf('calendars');

export const listSharedCalendars = route.get('/api/calendars', {
  summary: 'The shared holiday calendars a project can pick (calendar.holidaysFrom), with the years each knows and where they come from',
  standardErrors: false,
  responses: { 200: json('Shared calendars', SharedCalendar.array()) },
});

export const getSharedCalendarYear = route.get('/api/calendars/{calendarId}/years/{year}', {
  summary: "One year of a shared calendar: its days off and 调休 working days (404 when nobody has published it yet)",
  request: { params: CalendarYearParams },
  responses: { 200: json('The year', SharedCalendarYear) },
});

export const putSharedCalendarYear = route.put('/api/calendars/{calendarId}/years/{year}', {
  summary: "Replace a year's days off and make-up working days (admins); it overrides the packaged year or adds a new one, for every project on the calendar",
  request: { params: CalendarYearParams, body: jsonBody(SharedYearBody) },
  responses: { 200: json('The year now, and the projects told to move their timers', SharedCalendarYearChange) },
});

export const importSharedCalendarYear = route.post('/api/calendars/{calendarId}/years/{year}/import', {
  summary: "Import a year's days from CSV (text/csv) or iCalendar (text/calendar), or JSON { format, text } (admins): all of it, or nothing with each bad line named",
  request: {
    params: CalendarYearParams,
    body: {
      content: { 'application/json': { schema: SharedYearImportBody }, 'text/csv': { schema: HolidayCsvText }, 'text/calendar': { schema: HolidayIcsText } },
      required: false,
    },
  },
  responses: { 200: json('The year now, and the projects told to move their timers', SharedCalendarYearChange) },
});

export const deleteSharedCalendarYear = route.delete('/api/calendars/{calendarId}/years/{year}', {
  summary: "Forget an imported or edited year (admins), so the packaged year applies again (404 when none was stored); running projects on the calendar move their timers",
  request: { params: CalendarYearParams },
  responses: { 204: { description: 'Forgotten' } },
});
