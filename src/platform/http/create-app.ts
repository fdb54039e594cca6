import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import { DomainError, Invalid, NotFound } from '../errors.ts';
import { parseLang } from '../i18n.ts';
import { requestLog } from '../log.ts';
import { invalidInput } from '../validation.ts';
import type { AppEnv } from './app-env.ts';
import { internalError, problemResponse } from './problem.ts';

/**
 * A Hono app with Jikim's request environment: validation failures of any
 * route become problem details through the same hook, so every sub-app built
 * here answers bad input the same way.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return problemResponse(c, invalidInput(result.error));
    },
  });
}

export type Router = ReturnType<typeof createRouter>;

/** The root app: request id, language, security headers, logging and the error mapping. */
export function createRootApp(log: Logger): Router {
  const app = createRouter();
  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('log', requestLog(log, c.get('requestId')));
    c.set('lang', parseLang(c.req.query('lang')));
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );

  app.onError((error, c) => {
    if (error instanceof DomainError) return problemResponse(c, error);
    if (error instanceof HTTPException && error.status === 400) {
      // Hono answers malformed JSON itself; give it the same shape as any bad input.
      return problemResponse(
        c,
        Invalid('malformed-body', {
          ko: '요청 본문을 읽을 수 없습니다',
          en: 'The request body could not be read',
        }),
      );
    }
    if (error instanceof HTTPException) return error.getResponse();
    // The message of a driver error can quote the offending values; log only what identifies the fault.
    const fault = error as Error & { code?: string };
    c.get('log')?.error(
      { errorName: fault.name, errorCode: fault.code, stack: stackWithoutMessage(fault) },
      'unhandled error',
    );
    return problemResponse(c, new DomainError('internal', 'internal', internalError));
  });

  app.notFound((c) =>
    problemResponse(c, NotFound('not-found', { ko: '찾을 수 없습니다', en: 'Not found' })),
  );
  return app;
}

function stackWithoutMessage(error: Error): string | undefined {
  return error.stack?.split('\n').slice(1).join('\n');
}
