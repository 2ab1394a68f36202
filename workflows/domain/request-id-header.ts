/**
 * The Temporal header that carries the id of the HTTP request behind a workflow start, signal or
 * update on to the activities it leads to, so their log lines name the request (X-Request-Id).
 */
export const REQUEST_ID_HEADER = 'milepost-request-id';
