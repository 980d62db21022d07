// Every route is registered with the permission it needs, so none can be born unprotected,
// and the registry lets a test walk all routes (401/403 for each) and feeds the OpenAPI document.
import express, { type RequestHandler, type Router } from 'express';
import type { z } from 'zod';
import type { Permission } from '../users/permissions.js';
import { requirePermission } from '../users/auth.js';

/** Optional contract of a route: the same zod schemas the handler parses with, for /api/openapi.json. */
export type RouteSpec = {
  summary?: string;
  description?: string;
  tags?: string[];
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  /** Response body schema of the success status (documentation only). */
  response?: z.ZodType;
  /** Success status (default 200; 201 for creation routes if given). */
  status?: number;
  /** The route needs `If-Match: "<version>"`. */
  ifMatch?: boolean;
};

export type RouteInfo = { method: 'get' | 'post' | 'patch' | 'put' | 'delete'; path: string; permission: Permission; spec?: RouteSpec };
export type RouteRegistry = RouteInfo[];

type Handler = RequestHandler<any, any, any, any>;
/** `r.get(path, permission, ...handlers)` or `r.get(path, permission, spec, ...handlers)`. */
type Register = {
  (path: string, permission: Permission, ...handlers: Handler[]): void;
  (path: string, permission: Permission, spec: RouteSpec, ...handlers: Handler[]): void;
};
export type SecureRouter = {
  router: Router;
  get: Register;
  post: Register;
  patch: Register;
  put: Register;
  delete: Register;
};

/** A router whose every route names its permission; `mount` is where the app mounts it. */
export function secureRouter(registry: RouteRegistry, mount: string): SecureRouter {
  const router = express.Router();
  const make =
    (method: RouteInfo['method']): Register =>
    (path: string, permission: Permission, ...rest: (Handler | RouteSpec)[]) => {
      const spec = rest.length && typeof rest[0] !== 'function' ? (rest.shift() as RouteSpec) : undefined;
      registry.push({ method, path: joinPath(mount, path), permission, ...(spec ? { spec } : {}) });
      router[method](path, requirePermission(permission), ...(rest as RequestHandler[]));
    };
  return { router, get: make('get'), post: make('post'), patch: make('patch'), put: make('put'), delete: make('delete') };
}

function joinPath(a: string, b: string): string {
  const joined = `${a.replace(/\/$/, '')}/${b.replace(/^\//, '')}`;
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}
