import { CHANGE_PASSWORD_ROUTE, LOGIN_ROUTE, SECOND_FACTOR_ROUTE } from './landing';

const STORAGE_KEY = 'cn.returnTo';
/** Only the page an email's link opens comes back after sign-in: no open redirect, no case ids kept. */
const RETURNABLE =
  /^\/notifications\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Remembers, for this tab, a returnable page a signed-out person asked for. */
export function rememberReturnRoute(url: string): void {
  if (RETURNABLE.test(url)) sessionStorage.setItem(STORAGE_KEY, url);
}

/**
 * Where to go once signed in: the remembered page when `home` is the person's workspace (it is
 * consumed), else `home` itself (the second factor or a new password come first; it waits).
 */
export function takeReturnRoute(home: string): string {
  if ([LOGIN_ROUTE, SECOND_FACTOR_ROUTE, CHANGE_PASSWORD_ROUTE].includes(home)) return home;
  const remembered = sessionStorage.getItem(STORAGE_KEY);
  sessionStorage.removeItem(STORAGE_KEY);
  return remembered && RETURNABLE.test(remembered) ? remembered : home;
}
