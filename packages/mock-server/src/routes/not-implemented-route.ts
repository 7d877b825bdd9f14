import { HttpError } from '../http.ts';
import type { Route } from '../services.ts';

/**
 * A contract operation this server does not implement yet: 501
 * `not_implemented`, after the origin and CSRF checks every POST gets (so
 * a client can already test its plumbing against it).
 */
export function notImplementedRoute(path: string): Route {
  return {
    path,
    methods: {
      POST: async () => {
        throw new HttpError(501, 'not_implemented');
      },
    },
  };
}
