import { API_PREFIX } from '@caunoi/shared/contracts';

/** `/api/<segments>`: same origin, so the refresh cookie (path /api/auth) travels by itself. */
export function apiUrl(...segments: string[]): string {
  return `/${[API_PREFIX, ...segments].join('/')}`;
}

export function isApiUrl(url: string): boolean {
  return url.startsWith(`/${API_PREFIX}/`);
}
