import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('OpenAPI document', () => {
  it('lists every registered route as an OpenAPI 3.1 operation, without signing in', async () => {
    const res = await t.anonymous().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    const missing = t.deps.routes
      .map((r) => [r.method, r.path.replace(/:(\w+)/g, '{$1}').replace(/\*(\w+)/g, '{$1}')] as const)
      .filter(([m, p]) => !doc.paths[p]?.[m]);
    expect(missing).toEqual([]);
    const ids = Object.values(doc.paths).flatMap((p: any) => Object.values(p).map((o: any) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes request bodies, path and query parameters and If-Match from the zod schemas the routes parse with', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).body;
    const create = doc.paths['/api/artworks'].post;
    const body = create.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['inventoryNumber', 'title', 'objectType']));
    expect(body.additionalProperties).toBe(false);
    expect(body.properties.objectType.enum).toContain('painting');
    expect(body.properties.heightCm.anyOf ?? [body.properties.heightCm]).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'number', exclusiveMinimum: 0 })]));
    expect(create.responses['201']).toBeDefined();
    expect(create['x-permission']).toBe('catalogue.write');
    const patch = doc.paths['/api/artworks/{id}'].patch;
    expect(patch.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(['path:id', 'header:If-Match']);
    expect(patch.responses['412']).toBeDefined();
    expect(patch.responses['428']).toBeDefined();
    const contents = doc.paths['/api/locations/{id}/contents-at'].get;
    expect(contents.parameters.find((p: { name: string }) => p.name === 'date')).toMatchObject({ in: 'query', required: true });
    expect(doc.components.schemas.Problem.properties.code.type).toBe('string');
  });
});

describe('API reference page', () => {
  it('serves Swagger UI from our own origin with external scripts only (the CSP forbids inline ones)', async () => {
    const page = await fetch(`${t.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/<script>(?!<\/script>)|https?:\/\//);
    const scripts = [...html.matchAll(/<script src="([^"]+)"><\/script>/g)].map((m) => m[1]!);
    expect(scripts).toEqual(['/api/docs/assets/swagger-ui-bundle.js', '/api/docs/init.js']);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const src of [...scripts, '/api/docs/assets/swagger-ui.css']) {
      const asset = await fetch(`${t.baseUrl}${src}`);
      expect(asset.status, src).toBe(200);
      expect(asset.headers.get('content-type'), src).toMatch(src.endsWith('.css') ? /text\/css/ : /javascript/);
      expect((await asset.text()).length).toBeGreaterThan(100);
    }
  });
});
