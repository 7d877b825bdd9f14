import { API_PATHS } from '@egov/auth-widgets/contract';
import { openApiDocumentFor } from '@egov/auth-widgets/openapi';
import { sendJson } from '../http.ts';
import type { RequestContext, Route } from '../services.ts';

/**
 * The server's own API URL for the document's `servers` entry: the own
 * origin (never an arbitrary `Host` header) whose host the request named,
 * else the first own origin, followed by the base path this route is
 * mounted under.
 */
function apiUrl({ req, services }: RequestContext): string {
  const own = services.origins.ownOrigins;
  const host = req.headers.host?.toLowerCase();
  const origin = own.find((candidate) => new URL(candidate).host === host) ?? own[0] ?? '';
  const pathname = new URL(req.url ?? '/', 'http://server.invalid').pathname;
  const basePath = pathname.endsWith(API_PATHS.openapi) ? pathname.slice(0, -API_PATHS.openapi.length) : '';
  return `${origin}${basePath}`;
}

/** `GET /openapi.json`: the contract's OpenAPI 3.1 document, with `servers` set to this server's API URL. */
export function openApiRoute(): Route {
  return {
    path: API_PATHS.openapi,
    methods: {
      GET: async (context) => {
        sendJson(context.res, 200, openApiDocumentFor(apiUrl(context)));
      },
    },
  };
}
