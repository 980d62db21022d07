// /api/openapi.json (built from the route registry) and /api/docs (Swagger UI from node_modules, no CDN).
import express from 'express';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Deps } from '../deps.js';
import { secureRouter } from '../http/routes.js';
import { buildOpenApi } from './openapi.js';

const SWAGGER_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const tags = ['meta'];

// The CSP forbids inline scripts: the page loads its start-up code from /api/docs/init.js.
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Konstkoll API</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>
`;

// "Try it out" runs with the browser's session; state-changing calls need the CSRF token of that session.
const INIT = `(function () {
  var csrf = '';
  fetch('/api/session', { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (s) { if (s && s.csrfToken) csrf = s.csrfToken; })
    .catch(function () {});
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    docExpansion: 'none',
    requestInterceptor: function (req) {
      if (csrf && req.method && req.method.toUpperCase() !== 'GET') req.headers['X-CSRF-Token'] = csrf;
      return req;
    },
  });
})();
`;

export function openapiRoutes(deps: Deps) {
  const r = secureRouter(deps.routes, '/api');
  let doc: string | undefined;

  r.get('/openapi.json', 'public', { summary: 'This document (OpenAPI 3.1)', tags }, (_req, res) => {
    // Built on first request, when every feature has registered its routes.
    doc ??= JSON.stringify(buildOpenApi(deps.routes, { version: deps.config.version }));
    res.type('application/json').setHeader('Cache-Control', 'no-cache').send(doc);
  });

  r.get('/docs', 'public', { summary: 'Browsable API reference', tags }, (_req, res) => {
    res.type('html').setHeader('Cache-Control', 'no-cache').send(PAGE);
  });

  r.get('/docs/init.js', 'public', { summary: 'Start-up script of the API reference page', tags }, (_req, res) => {
    res.type('application/javascript').setHeader('Cache-Control', 'no-cache').send(INIT);
  });

  r.router.use('/docs/assets', express.static(SWAGGER_DIR, { index: false, fallthrough: true, maxAge: '1d' }));
  return r.router;
}
