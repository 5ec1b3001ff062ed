import { HttpParams } from '@angular/common/http';

/** Drops empty values so the API's validation never sees `role=` or `q=`. */
export function toParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params = params.set(key, String(value));
  }
  return params;
}
