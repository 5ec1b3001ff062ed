import { ForbiddenException } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a state-changing request looks cross-site, or null when it may go on (decision 0017).
 * A browser sends `Origin` on every POST and `Sec-Fetch-Site` on every request; a request with
 * neither comes from a program (curl, the bench tool, a script), which a forged form cannot be.
 */
export function crossSiteReason(
  method: string,
  headers: IncomingHttpHeaders,
  publicOrigins: readonly string[],
): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const fetchSite = single(headers['sec-fetch-site'])?.toLowerCase();
  if (fetchSite === 'cross-site') return 'Sec-Fetch-Site is cross-site';
  const origin = single(headers['origin']);
  if (origin === undefined) {
    if (fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none') return null;
    return `Sec-Fetch-Site is ${fetchSite} and Origin is missing`;
  }
  const normalised = originOf(origin);
  if (normalised === null) return 'Origin is not an http(s) origin';
  if (publicOrigins.length > 0) {
    return publicOrigins.includes(normalised) ? null : 'Origin is not a public origin';
  }
  // No configured origin: the page must come from the host the request was sent to.
  const host = single(headers['host'])?.toLowerCase();
  return host !== undefined && new URL(normalised).host === host ? null : 'Origin is another host';
}

/** Express middleware: 403 for cross-site state-changing requests under the API prefix. */
export function originCheck(publicOrigins: readonly string[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const reason = crossSiteReason(req.method, req.headers, publicOrigins);
    next(reason ? new ForbiddenException(`Cross-site request refused: ${reason}`) : undefined);
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
