// GET /w/:inventoryNumber — the short URL in every label's QR code. Signed-in staff go to the
// work's record (or a friendly 404 page); everyone else to the public guide, which decides what they see.
import type Database from 'better-sqlite3';
import type { Deps } from '../deps.js';
import { secureRouter } from '../http/routes.js';
import { inventoryKey } from '../artworks/inventory.js';
import { html } from '../guide/html.js';

/** Where a visitor who is not signed in goes. The public guide owns this decision; change it here only. */
export function publicWorkTarget(inventoryNumber: string): string {
  return `/guide/w/${encodeURIComponent(inventoryNumber)}`;
}

export function findWorkByNumber(sqlite: Database.Database, number: string): { id: number; inventoryNumber: string } | undefined {
  const key = inventoryKey(number);
  if (!key || key.length > 60) return undefined;
  return sqlite.prepare('select id, inventory_number as inventoryNumber from artworks where inventory_key = ?').get(key) as { id: number; inventoryNumber: string } | undefined;
}

const notFoundPage = (number: string) => html`<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Verket hittades inte – Konstkoll</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#222}h1{font-size:1.5rem}p.en{color:#555}</style></head>
<body><main>
<h1>Verket hittades inte</h1>
<p>Det finns inget konstverk med inventarienummer <strong>${number}</strong> i samlingen. Kontrollera numret på etiketten.</p>
<p class="en" lang="en">There is no artwork with inventory number <strong>${number}</strong> in the collection. Please check the number on the label.</p>
<p><a href="/">Konstkoll</a></p>
</main></body></html>`;

export function workLinkRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/w');

  r.get('/:inventoryNumber', 'public', { summary: "A label's QR target: staff → the work's record, others → the public guide", tags: ['labels'] }, (req, res) => {
    const number = String(req.params.inventoryNumber).slice(0, 100);
    // The answer depends on the session cookie, so no shared cache may keep it.
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Vary', 'Cookie');
    // Visitors go to the guide whether or not the number exists, with the number as typed: the guide
    // answers 404 alike for unknown and non-public works, so this link must not tell them apart either.
    if (!req.user) return void res.redirect(302, publicWorkTarget(number));
    const work = findWorkByNumber(sqlite, number);
    if (!work) return void res.status(404).type('html').send(notFoundPage(number).value);
    res.redirect(302, `/works/${work.id}`);
  });

  return r.router;
}
