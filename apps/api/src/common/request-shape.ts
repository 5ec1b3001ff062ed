import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { FieldError, InputErrorCode } from '@caunoi/shared/contracts';
import { FieldErrorException } from './api-errors';

/**
 * Deeper than any request of ours (an open-case body is 4 levels); the limit keeps recursive
 * transformers and validators from running out of stack on a body built to do that.
 */
export const MAX_BODY_DEPTH = 16;

const BODY_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'];

/**
 * The first thing in a parsed body or query that no handler should ever see: a NUL character
 * (PostgreSQL refuses it in text, so it would surface as a 500) or nesting past MAX_BODY_DEPTH.
 * Walks with its own stack, so the check itself cannot overflow.
 */
export function findMalformedInput(value: unknown, root: string): FieldError | null {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length > 0) {
    const [current, path, depth] = stack.pop() as [unknown, string, number];
    const field = path || root;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return nulError(field);
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      return {
        field: root,
        code: 'too_deep',
        message: `${root} is nested more than ${MAX_BODY_DEPTH} levels deep`,
      };
    }
    for (const [key, child] of Object.entries(current)) {
      const childPath = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return nulError(childPath.split('\u0000').join('\\0'));
      stack.push([child, childPath, depth + 1]);
    }
  }
  return null;
}

function nulError(field: string): FieldError {
  return {
    field,
    code: 'nul_character',
    message: `${field} must not contain a NUL character (\\u0000)`,
  };
}

/**
 * Runs right after the body parsers, before guards (login validates in one) and pipes: refuses a
 * body in a type we do not read (415), and NUL characters or runaway nesting in the body or the
 * query string (400 naming the field).
 */
export function requestShapeMiddleware(req: Request, _res: Response, next: NextFunction): void {
  if (hasBody(req) && !req.is(BODY_CONTENT_TYPES)) {
    next(
      new FieldErrorException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        [
          {
            field: 'body',
            code: 'unsupported_media_type',
            message: 'send the body as application/json',
          },
        ],
        'Unsupported media type',
      ),
    );
    return;
  }
  const problem =
    findMalformedInput(req.body as unknown, 'body') ?? findMalformedInput(req.query, 'query');
  next(problem ? new FieldErrorException(HttpStatus.BAD_REQUEST, [problem]) : undefined);
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

const PARSER_ERRORS: Readonly<Record<string, { code: InputErrorCode; message: string }>> = {
  'entity.too.large': { code: 'too_large', message: 'Request body is too large' },
  'entity.parse.failed': { code: 'invalid_json', message: 'Request body is not valid JSON' },
  'charset.unsupported': { code: 'unsupported_charset', message: 'Send the body as UTF-8' },
  'encoding.unsupported': { code: 'unsupported_encoding', message: 'Content encoding unsupported' },
  'parameters.too.many': { code: 'too_many_parameters', message: 'Too many form parameters' },
};

/**
 * Registered right after the body parsers: their errors (malformed JSON, too large) become a 4xx
 * naming `body`. Left alone, Nest would answer a JSON syntax error with the parser's own message,
 * which quotes the input.
 */
export function bodyParserErrorMiddleware(
  err: unknown,
  _req: Request,
  _res: Response,
  next: NextFunction,
): void {
  const parserError = err as { status?: unknown; type?: unknown } | null;
  if (typeof parserError?.type !== 'string' || typeof parserError.status !== 'number') {
    next(err);
    return;
  }
  const known = PARSER_ERRORS[parserError.type] ?? {
    code: 'invalid_body' satisfies InputErrorCode,
    message: 'The request body could not be read',
  };
  next(new FieldErrorException(parserError.status, [{ field: 'body', ...known }], known.message));
}
