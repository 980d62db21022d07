// Every route is registered with the permission it needs, so none can be born unprotected,
// and the registry lets a test walk all routes (401/403 for each).
import express, { type RequestHandler, type Router } from 'express';
import type { Permission } from '../users/permissions.js';
import { requirePermission } from '../users/auth.js';

export type RouteInfo = { method: 'get' | 'post' | 'patch' | 'put' | 'delete'; path: string; permission: Permission };
export type RouteRegistry = RouteInfo[];

type Register = (path: string, permission: Permission, ...handlers: RequestHandler<any, any, any, any>[]) => void;
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
    (path, permission, ...handlers) => {
      registry.push({ method, path: joinPath(mount, path), permission });
      router[method](path, requirePermission(permission), ...(handlers as RequestHandler[]));
    };
  return { router, get: make('get'), post: make('post'), patch: make('patch'), put: make('put'), delete: make('delete') };
}

function joinPath(a: string, b: string): string {
  const joined = `${a.replace(/\/$/, '')}/${b.replace(/^\//, '')}`;
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}
