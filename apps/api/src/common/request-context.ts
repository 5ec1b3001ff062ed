import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

const REQUEST_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

/** Gives every request an id (honouring a sane incoming X-Request-Id) that logs, audit rows and 5xx bodies share. */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
  (req as Request & { id: string }).id = requestId;
  res.setHeader('X-Request-Id', requestId);
  storage.run({ requestId }, () => next());
}

export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}
