import type { RouteConfig, z } from '@hono/zod-openapi';
import { IdParam } from '../common';
import { json, jsonBody, routesOf } from './define-routes';

type Answers = RouteConfig['responses'];

/** One of the five routes: its summary, and the answers it gives beyond its success and the standard errors. */
interface Operation {
  summary: string;
  responses?: Answers;
}

/**
 * A list of items under a project (tasks, risks, budget lines, goals, milestones): both paths in
 * full, the item's schemas, and per route its summary, the description of its success (`answer`)
 * and any further answers, e.g. `409: planLockedResponse` for items that are part of the plan.
 */
export interface ProjectItemsConfig {
  tag: string;
  /** `/api/projects/{id}/<items>`: list and create. */
  path: string;
  /** `/api/projects/{id}/<items>/{<item>Id}`: get, update and delete. */
  itemPath: string;
  params: z.ZodObject;
  item: z.ZodType;
  newBody: z.ZodType;
  patchBody: z.ZodType;
  /** `body`: what the list answers, e.g. `Task.array()`. */
  list: Operation & { answer: string; body: z.ZodType; query?: z.ZodObject };
  create: Operation & { answer: string };
  get: Operation & { answer: string };
  update: Operation;
  delete: Operation & { query?: z.ZodObject };
}

type Extra<O extends Operation> = O['responses'] extends Answers ? O['responses'] : {};
type WithQuery<O> = O extends { query: infer Q extends z.ZodObject } ? { query: Q } : {};

const withQuery = <O extends { query?: z.ZodObject }>(operation: O) => (operation.query ? { query: operation.query } : {}) as WithQuery<O>;

/** The five routes of a project's items, as `projectItemRoutes` defines them. */
export type ProjectItemRoutes = Record<'list' | 'create' | 'get' | 'update' | 'delete', RouteConfig>;

/** The list/create/get/update/delete definitions of a project's items. */
export function projectItemRoutes<const C extends ProjectItemsConfig>(config: C) {
  const route = routesOf(config.tag);
  const { path, itemPath, params, item } = config;
  return {
    list: route.get(path as C['path'], {
      summary: config.list.summary,
      request: { params: IdParam, ...withQuery(config.list as C['list']) },
      responses: { 200: json(config.list.answer, config.list.body as C['list']['body']), ...(config.list.responses as Extra<C['list']>) },
    }),
    create: route.post(path as C['path'], {
      summary: config.create.summary,
      request: { params: IdParam, body: jsonBody(config.newBody as C['newBody']) },
      responses: { 201: json(config.create.answer, item as C['item']), ...(config.create.responses as Extra<C['create']>) },
    }),
    get: route.get(itemPath as C['itemPath'], {
      summary: config.get.summary,
      request: { params: params as C['params'] },
      responses: { 200: json(config.get.answer, item as C['item']), ...(config.get.responses as Extra<C['get']>) },
    }),
    update: route.patch(itemPath as C['itemPath'], {
      summary: config.update.summary,
      request: { params: params as C['params'], body: jsonBody(config.patchBody as C['patchBody']) },
      responses: { 200: json('Changed', item as C['item']), ...(config.update.responses as Extra<C['update']>) },
    }),
    delete: route.delete(itemPath as C['itemPath'], {
      summary: config.delete.summary,
      request: { params: params as C['params'], ...withQuery(config.delete as C['delete']) },
      responses: { 204: { description: 'Deleted' }, ...(config.delete.responses as Extra<C['delete']>) },
    }),
  };
}
