import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { MetricsService } from './metrics.service';

/** Requests that matched no route share one label value, so probing random URLs adds no series. */
export const UNMATCHED_ROUTE = 'unmatched';
/**
 * Middleware Nest mounts for every path (the request logger) is an Express route of its own, `/{*path}`,
 * and stays in `request.route` when no controller route matched after it.
 */
const CATCH_ALL = /^\/?(\*|\{\*\w+\}|\*\w+)$/;

function routeOf(request: Request): string {
  const route = request.route as { path?: unknown } | undefined;
  if (typeof route?.path !== 'string' || CATCH_ALL.test(route.path)) {
    return UNMATCHED_ROUTE;
  }
  return `${request.baseUrl}${route.path}`;
}

/**
 * Times every request until its response is sent. Express middleware rather than a Nest interceptor, so
 * requests rejected by the guard, the body parser or the router are measured too.
 */
export function httpMetricsMiddleware(metrics: MetricsService): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeHttpRequest(
        { method: request.method, route: routeOf(request), status: response.statusCode },
        seconds,
      );
    });
    next();
  };
}
