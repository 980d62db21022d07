// Builds the OpenAPI 3.1 document from the route registry: every registered route, with the zod
// schemas a route was registered with (body, query, params) turned into JSON Schema 2020-12.
import { z } from 'zod';
import type { RouteInfo, RouteRegistry } from '../http/routes.js';

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

/** JSON Schema of what a client sends; a schema zod cannot express becomes {} rather than breaking the document. */
function toSchema(schema: z.ZodType | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  try {
    const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
    return rest;
  } catch {
    return {};
  }
}

const PROBLEM = { $ref: '#/components/schemas/Problem' };
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: PROBLEM } } });

function parameters(route: RouteInfo, openapiPath: string): Operation[] {
  const out: Operation[] = [];
  const params = toSchema(route.spec?.params) as { properties?: Record<string, JsonSchema> } | undefined;
  for (const m of openapiPath.matchAll(/\{(\w+)\}/g)) {
    const name = m[1]!;
    out.push({ name, in: 'path', required: true, schema: params?.properties?.[name] ?? { type: 'string' } });
  }
  const query = toSchema(route.spec?.query) as { properties?: Record<string, JsonSchema>; required?: string[] } | undefined;
  for (const [name, schema] of Object.entries(query?.properties ?? {})) {
    const { description, ...rest } = schema as { description?: string };
    out.push({ name, in: 'query', required: query?.required?.includes(name) ?? false, schema: rest, ...(description ? { description } : {}) });
  }
  if (route.spec?.ifMatch) out.push({ name: 'If-Match', in: 'header', required: true, description: 'The version you edited, e.g. "3" (from the ETag).', schema: { type: 'string' } });
  return out;
}

function operation(route: RouteInfo, openapiPath: string): Operation {
  const spec = route.spec ?? {};
  const ok = spec.status ?? 200;
  const responses: Record<string, unknown> = {
    [String(ok)]: { description: 'Success', content: { 'application/json': { schema: toSchema(spec.response) ?? {} } } },
    '400': problem('Invalid input: `errors` names each field'),
  };
  if (route.permission !== 'public') {
    responses['401'] = problem('Not signed in');
    responses['403'] = problem('The role, CSRF token or site limit does not allow this');
  }
  if (/\{\w+\}/.test(openapiPath)) responses['404'] = problem('No such record');
  if (route.method !== 'get') {
    responses['409'] = problem('Conflicts with existing data');
    responses['413'] = problem('Body too large');
    responses['415'] = problem('Body is not JSON');
    responses['422'] = problem('Breaks a rule (`code` and `rule` say which)');
  }
  if (spec.ifMatch) {
    responses['412'] = problem('Stale version: `current` holds the current record');
    responses['428'] = problem('If-Match missing');
  }
  const body = toSchema(spec.body);
  const tag = spec.tags ?? [openapiPath.split('/')[2] ?? 'api'];
  return {
    operationId: `${route.method}${openapiPath.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    summary: spec.summary ?? `${route.method.toUpperCase()} ${openapiPath}`,
    ...(spec.description ? { description: spec.description } : {}),
    tags: tag,
    'x-permission': route.permission,
    parameters: parameters(route, openapiPath),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    responses,
    security: route.permission === 'public' ? [] : [{ session: [] }],
  };
}

export function buildOpenApi(routes: RouteRegistry, info: { version: string }) {
  const paths: Record<string, Record<string, Operation>> = {};
  const seen = new Set<string>();
  for (const route of routes) {
    const openapiPath = route.path.replace(/:(\w+)/g, '{$1}').replace(/\*(\w+)/g, '{$1}');
    const key = `${route.method} ${openapiPath}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (paths[openapiPath] ??= {})[route.method] = operation(route, openapiPath);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Konstkoll API',
      version: info.version,
      description:
        'Inventory of a public art collection. JSON under /api; errors are application/problem+json with a stable dotted `code`. ' +
        'Sign in with POST /api/session; state-changing requests send the session cookie and `X-CSRF-Token`. ' +
        'Edits send `If-Match: "<version>"` (412 with the current record when stale). Lists page with an opaque `cursor`.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kk_session' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['status', 'title', 'code'],
          properties: {
            type: { type: 'string' },
            status: { type: 'integer' },
            title: { type: 'string' },
            detail: { type: 'string' },
            code: { type: 'string', examples: ['artwork.not_found'] },
            instance: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } }, required: ['path', 'message'] } },
          },
        },
      },
    },
  };
}
