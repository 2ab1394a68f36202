import type { RouteConfig, RouteHandler, z } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import type { Db } from '../../db/connect';
import type { SalesProject } from '../../db/schema';
import { requireProjectAccess } from '../access/project-access';
import { requireProjectAction, type ProjectAction } from '../access/project-actions';
import type { ProjectItemRoutes } from '../contract/routes/project-items';
import type { AppDeps } from '../deps';
import { found, notFound, type Thing } from '../errors';
import type { DoingText } from '../said';
import { editPlan, inProject, requireProject } from '../plan-guard';
import { createRouter } from '../router';

type Change = 'create' | 'update' | 'delete';
type Guard = readonly [ProjectAction, DoingText];
type SchemaOf<B> = B extends { content: { 'application/json': { schema: infer S extends z.ZodType } } } ? S : never;
type Request<R extends RouteConfig> = NonNullable<R['request']>;
/** What a route's validator hands the handler: its JSON body, query or path parameters. */
type BodyOf<R extends RouteConfig> = z.output<SchemaOf<Request<R>['body']>>;
type QueryOf<R extends RouteConfig> = Request<R> extends { query: infer Q extends z.ZodType } ? z.output<Q> : Record<string, never>;
/** The body of the route's answer with `status`. */
type AnswerOf<R extends RouteConfig, S extends number> = z.input<SchemaOf<R['responses'][S]>>;

type ValidationHook = (result: { target: string } & ({ success: true } | { success: false; error: ZodError })) => undefined;

/**
 * How one kind of project item is stored and shown. The factory does the rest: the access check,
 * the project lock (and the planning-phase check for changes that are part of the plan), the 404
 * for an unknown item, and the answer.
 */
export interface ProjectItems<R extends ProjectItemRoutes, Row extends { id: string }> {
  routes: R;
  /** What a 404 calls an unknown item, e.g. 'budgetLine' (Budget line). */
  noun: Thing;
  /** The item's path parameter, e.g. 'taskId'. */
  itemId: string;
  /** The project action changes need and what a refusal says the person tried to do: one for all, or one per change. */
  may: Guard | Record<Change, Guard>;
  /** Changes allowed while the project is in planning only; the phase is read under the project lock, before anything else. */
  planningOnly?: readonly Change[];
  /** The answer reads the project (e.g. its calendar), so reading one item loads the project first. */
  answerReadsProject?: true;
  list(db: Db, projectId: string, query: QueryOf<R['list']>): Promise<AnswerOf<R['list'], 200>>;
  find(db: Db, projectId: string, itemId: string): Promise<Row | undefined>;
  toDto(row: Row, project: SalesProject): AnswerOf<R['get'], 200> | Promise<AnswerOf<R['get'], 200>>;
  insert(trx: Db, project: SalesProject, body: BodyOf<R['create']>): Promise<Row>;
  /** Changes the item found; it may refuse a change the phase does not allow. */
  update(trx: Db, project: SalesProject, current: Row, patch: BodyOf<R['update']>): Promise<Row>;
  /** False when there was no such item. */
  remove(trx: Db, projectId: string, itemId: string, query: QueryOf<R['delete']>): Promise<boolean>;
  /** Validation hooks that explain a refused body better than the default one. */
  hooks?: { create?: ValidationHook; update?: ValidationHook };
}

const isGuard = (may: Guard | Record<Change, Guard>): may is Guard => Array.isArray(may);

/** What a handler reads from its request, already validated against the route's definition. */
interface Valid {
  param: Record<string, string> & { id: string };
  query: never;
  json: never;
}
const valid = <T extends keyof Valid>(c: { req: unknown }, target: T) => (c.req as { valid(target: T): Valid[T] }).valid(target);

/** The list/create/get/update/delete handlers of one kind of project item (see `projectItemRoutes`). */
export function projectItemsRouter<R extends ProjectItemRoutes, Row extends { id: string }>({ db }: AppDeps, items: ProjectItems<R, Row>) {
  const { routes, noun, itemId, may } = items;
  const locked = (change: Change) => (items.planningOnly?.includes(change) ? editPlan : inProject);
  const guard = (c: Parameters<Handler>[0], change: Change) =>
    requireProjectAction(db, c.get('principal'), valid(c, 'param').id, ...(isGuard(may) ? may : may[change]));

  const list: Handler = async (c) => {
    const { id } = valid(c, 'param');
    await requireProjectAccess(db, c.get('principal'), id, 'read');
    return c.json(await items.list(db, id, valid(c, 'query')), 200);
  };
  const create: Handler = async (c) => {
    const { id } = valid(c, 'param');
    await guard(c, 'create');
    const body = valid(c, 'json');
    const { row, project } = await locked('create')(db, id, async (trx, project) => ({ row: await items.insert(trx, project, body), project }));
    return c.json(await items.toDto(row, project), 201);
  };
  const get: Handler = async (c) => {
    const { id, [itemId]: key } = valid(c, 'param');
    await requireProjectAccess(db, c.get('principal'), id, 'read');
    const project = items.answerReadsProject ? await requireProject(db, id) : undefined;
    const row = found(await items.find(db, id, key!), noun, key!);
    return c.json(await items.toDto(row, project!), 200);
  };
  const update: Handler = async (c) => {
    const { id, [itemId]: key } = valid(c, 'param');
    await guard(c, 'update');
    const patch = valid(c, 'json');
    const { row, project } = await locked('update')(db, id, async (trx, project) => {
      const current = found(await items.find(trx, id, key!), noun, key!);
      return { row: await items.update(trx, project, current, patch), project };
    });
    return c.json(await items.toDto(row, project), 200);
  };
  const remove: Handler = async (c) => {
    const { id, [itemId]: key } = valid(c, 'param');
    await guard(c, 'delete');
    const query = valid(c, 'query');
    await locked('delete')(db, id, async (trx) => {
      if (!(await items.remove(trx, id, key!, query))) throw notFound(noun, key!);
    });
    return c.body(null, 204);
  };

  // The routes' types are checked where each resource's functions meet them (ProjectItems); here they are one shape.
  return createRouter()
    .openapi(routes.list as RouteConfig, list)
    .openapi(routes.create as RouteConfig, create, items.hooks?.create)
    .openapi(routes.get as RouteConfig, get)
    .openapi(routes.update as RouteConfig, update, items.hooks?.update)
    .openapi(routes.delete as RouteConfig, remove);
}

type Handler = RouteHandler<RouteConfig>;
