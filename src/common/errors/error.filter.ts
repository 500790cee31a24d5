import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { ErrorCode, HTTP_STATUS } from './error-code';
import { requestIdOf } from '../http/request-id';

interface Rendered {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

const BY_HTTP_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.AuthenticationRequired,
  403: ErrorCode.Forbidden,
  404: ErrorCode.RouteNotFound,
  413: ErrorCode.BodyTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
};

function fromHttpException(exception: HttpException): Rendered {
  const response = exception.getResponse();
  const messages: unknown =
    typeof response === 'object' && response !== null
      ? (response as { message?: unknown }).message
      : response;
  const message = Array.isArray(messages)
    ? messages.map(String).join('; ')
    : typeof messages === 'string'
      ? messages
      : exception.message;
  return { code: BY_HTTP_STATUS[exception.getStatus()] ?? ErrorCode.Internal, message };
}

/** Body-parser errors carry a `type` and a status rather than being HttpExceptions. */
function fromBodyParser(exception: unknown): Rendered | undefined {
  const type = (exception as { type?: unknown }).type;
  if (type === 'entity.too.large') {
    return { code: ErrorCode.BodyTooLarge, message: 'request body is larger than the limit' };
  }
  if (type === 'entity.parse.failed') {
    return { code: ErrorCode.ValidationFailed, message: 'request body is not valid JSON' };
  }
  return undefined;
}

/** Every error leaves the API in one shape with a stable code; unexpected ones are logged, not leaked. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const rendered = this.render(exception);
    const requestId = requestIdOf(request);
    response.status(HTTP_STATUS[rendered.code]).json({
      error: {
        code: rendered.code,
        message: rendered.message,
        requestId,
        ...(rendered.details && { details: rendered.details }),
      },
    });
  }

  private render(exception: unknown): Rendered {
    if (exception instanceof DomainError) {
      return {
        code: exception.code,
        message: exception.message,
        ...(exception.details && { details: exception.details }),
      };
    }
    if (exception instanceof HttpException) {
      return fromHttpException(exception);
    }
    const bodyError = fromBodyParser(exception);
    if (bodyError) {
      return bodyError;
    }
    if (isConnectionFailure(exception)) {
      return { code: ErrorCode.DatabaseUnavailable, message: 'the database is unavailable' };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return { code: ErrorCode.Internal, message: 'internal error' };
  }
}

/** SQLSTATE classes and codes that mean "the database cannot serve now", not "this query is wrong". */
const UNAVAILABLE_SQLSTATES = ['57P01', '57P02', '57P03', '55000', '3D000', '53300'];

function isConnectionFailure(exception: unknown): boolean {
  if (exception instanceof QueryFailedError) {
    return false;
  }
  const code = (exception as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.includes(code) || code.startsWith('08'))) {
    return true;
  }
  return (
    code === 'ECONNREFUSED' ||
    code === 'ETIMEDOUT' ||
    (exception instanceof Error &&
      /Connection terminated|connect ECONNREFUSED|Connection refused|timeout exceeded when trying to connect/i.test(
        exception.message,
      ))
  );
}
