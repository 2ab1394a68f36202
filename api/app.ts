import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { authenticate } from './auth/authenticate';
import { bodyShapeLimit } from './body-shape-limit';
import { securityHeaders } from './security-headers';
import { declaresBody } from './declares-body';
import type { AppDeps } from './deps';
import { ApiError, noRoute, onError, said } from './errors';
import { temporalDeadline } from './temporal-deadline';
import { routeIndex } from './route-index';
import { approvalsRouter, flowRunsRouter, userApprovalsRouter } from './routes/approvals';
import { authRouter } from './routes/auth';
import { auditRouter } from './routes/audit';
import { budgetRouter } from './routes/budget';
import { dashboardRouter } from './routes/dashboard';
import { escalationsRouter } from './routes/escalations';
import { goalsRouter } from './routes/goals';
import { kpiImportRouter } from './routes/kpi-import';
import { planRouter } from './routes/plan';
import { risksRouter } from './routes/risks';
import { tasksRouter } from './routes/tasks';
import { teamsRouter } from './routes/teams';
import { lifecycleRouter } from './routes/lifecycle';
import { projectRetrospectiveRouter, retrospectivesRouter } from './routes/retrospectives';
import { flowSimulationRouter } from './routes/flow-simulation';
import { flowRunTraceRouter, flowRunsOfFlowRouter } from './routes/flow-runs';
import { flowBindingsRouter, flowsRouter } from './routes/flows';
import { projectsRouter } from './routes/projects';
import { projectListPages } from './project-list-pages';
import { projectPages } from './project-pages';
import { usersRouter } from './routes/users';
import { absencesRouter } from './routes/absences';
import { settingsRouter } from './routes/settings';
import { decisionLinksRouter } from './routes/decision-links';
import { calendarsRouter } from './routes/calendars';
import { chatChannelsRouter } from './routes/chat-channels';
import { apiDocsRouter, docsPath, docsScriptPath } from './docs/api-docs';
import { sampleCompanyRouter } from './routes/sample-company';
import { quotaRouter } from './routes/quota';
import { incentivesRouter } from './routes/incentives';
import { healthRouter } from './routes/health';
import { metricsRouter } from './routes/metrics';
import { forecastsRouter } from './routes/forecasts';
import { funnelRouter } from './routes/funnel';
import { trainingRouter } from './routes/training';
import { scorecardRouter } from './routes/scorecard';
import { fallbackLogger } from '../activities/runtime/logger';
import { createHttpMetrics } from './http-metrics';
import { observeRequests } from './request-log';
import { serveWebPage } from './web-page';

/**
 * The whole HTTP surface: `/api/*` resources, `/api/openapi.json`, the probes `/healthz` and
 * `/readyz`, `/metrics` unless turned off, and the web page at `/`.
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono();
  const metrics = deps.metrics === false ? undefined : createHttpMetrics();
  app.onError(onError);
  app.use('*', observeRequests({ log: deps.logger ?? fallbackLogger, metrics, trustProxy: deps.trustProxy }));
  app.notFound(noRoute);
  app.use('*', securityHeaders);
  app.use('*', temporalDeadline(deps.temporal.client, deps.temporal.requestBudgetMs));
  const limitBody = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new ApiError(413, 'body_too_large', said('bodyTooLarge'));
    },
  });
  app.use('/api/*', (c, next) => (declaresBody(c) ? limitBody(c, next) : next()));

  app.use('/api/*', authenticate(deps.db, isPublic, deps.principalCache));
  const documented = routeIndex(app);
  app.use('/api/*', documented.mediaTypes);
  app.use('/api/*', bodyShapeLimit);

  const api = app
    .route('/', healthRouter(deps))
    .route('/', authRouter(deps))
    .route('/', usersRouter(deps))
    .route('/', absencesRouter(deps))
    .route('/', settingsRouter(deps))
    .route(
      '/',
      projectsRouter({
        ...deps,
        projectPages: deps.projectPages ?? projectPages(deps.db, deps.temporal.client),
        projectListPages: deps.projectListPages ?? projectListPages(deps.db),
      }),
    )
    .route('/', lifecycleRouter(deps))
    .route('/', projectRetrospectiveRouter(deps))
    .route('/', retrospectivesRouter(deps))
    .route('/', userApprovalsRouter(deps))
    .route('/', goalsRouter(deps))
    .route('/', planRouter(deps))
    .route('/', tasksRouter(deps))
    .route('/', budgetRouter(deps))
    .route('/', risksRouter(deps))
    .route('/', kpiImportRouter(deps))
    .route('/', dashboardRouter(deps))
    .route('/', teamsRouter(deps))
    .route('/', escalationsRouter(deps))
    .route('/', flowsRouter(deps))
    .route('/', flowSimulationRouter(deps))
    .route('/', flowRunsOfFlowRouter(deps))
    .route('/', flowBindingsRouter(deps))
    .route('/', flowRunsRouter(deps))
    .route('/', flowRunTraceRouter(deps))
    .route('/', approvalsRouter(deps))
    .route('/', auditRouter(deps))
    .route('/', calendarsRouter(deps))
    .route('/', chatChannelsRouter(deps))
    .route('/', sampleCompanyRouter(deps))
    .route('/', quotaRouter(deps))
    .route('/', forecastsRouter(deps))
    .route('/', funnelRouter(deps))
    .route('/', trainingRouter(deps))
    .route('/', scorecardRouter(deps))
    .route('/', incentivesRouter(deps));
  if (metrics && deps.metrics !== false) app.route('/', metricsRouter(metrics, deps.metrics?.token));

  app.openAPIRegistry.registerComponent('securitySchemes', 'apiToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (`mp_…`) from `POST /api/auth/tokens`',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'milepost_session',
    description: 'The session cookie set by `POST /api/auth/login`; changes also send its CSRF token as `X-CSRF-Token`',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Milepost API', version: '0.1.0', description: 'Sales projects as durable workflows.' },
    security: [{ apiToken: [] }, { session: [] }],
  });

  // The interactive reference of that description (Scalar), readable without signing in as it is.
  app.route('/', apiDocsRouter());

  // Under /api every answer is JSON: what no route took is 404, or 405 for a known path.
  app.all('/api/*', documented.unknownRoute);

  if (deps.decisionLinks) app.route('/decide', decisionLinksRouter(deps, deps.decisionLinks));

  if (deps.designerDir) {
    serveWebPage(app, deps.designerDir);
  }
  return api;
}

export type App = ReturnType<typeof createApp>;

/** The only `/api/*` requests answered without a person: signing in, and the API description and its reference page. */
function isPublic(method: string, path: string): boolean {
  return (method === 'POST' && path === '/api/auth/login') || (method === 'GET' && (path === '/api/openapi.json' || path === docsPath || path === docsScriptPath));
}
