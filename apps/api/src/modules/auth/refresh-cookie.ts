import { HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import { REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH } from '@caunoi/shared/contracts';
import { fieldError } from '../../common/api-errors';

/** The refresh token lives only in an httpOnly, same-site cookie scoped to /api/auth. */
export function setRefreshCookie(
  res: Response,
  token: string,
  expiresAt: Date,
  secure: boolean,
): void {
  res.cookie(REFRESH_COOKIE_NAME, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: REFRESH_COOKIE_PATH,
    expires: expiresAt,
  });
}

export function clearRefreshCookie(res: Response, secure: boolean): void {
  res.clearCookie(REFRESH_COOKIE_NAME, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: REFRESH_COOKIE_PATH,
  });
}

export function readRefreshCookie(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === REFRESH_COOKIE_NAME) return decodeCookieValue(rest.join('='));
  }
  return null;
}

/** We set the cookie, so a value that does not decode was made by someone else: a 400, not a crash. */
function decodeCookieValue(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw fieldError(
      HttpStatus.BAD_REQUEST,
      REFRESH_COOKIE_NAME,
      'invalid_cookie',
      `the ${REFRESH_COOKIE_NAME} cookie is not validly encoded`,
    );
  }
}
