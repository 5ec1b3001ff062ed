/** The legal calendar of the product: all clocks and dates are Vietnam time. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Session lifetimes (design, from the foundation issue). */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
