// /api/rounds: plan a round, read it, record results (one or a phone's queued batch), close it, report.
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { HttpError, validationError } from '../http/errors.js';
import { secureRouter } from '../http/routes.js';
import { parse, parseBody, parseParams, parseQuery } from '../http/validate.js';
import { currentUser } from '../users/auth.js';
import { closePlan, closeRound } from './rounds.close.js';
import { planRound } from './rounds.planning.js';
import { getRoundFor, listRounds, resultsOfRound, roundDetail, roundItems } from './rounds.queries.js';
import { roundReportCsv, roundReportPdf } from './rounds.report.js';
import { recordResult } from './rounds.results.js';
import { CloseRoundBody, CreateRoundBody, RoundListQuery, RoundParams, RoundResultInput } from './rounds.schema.js';

const tags = ['rounds'];
const KEY_HEADER = /^[\w.:-]{8,100}$/;

export function roundRoutes(deps: Deps) {
  const sqlite = deps.db.$client;
  const r = secureRouter(deps.routes, '/api/rounds');
  const now = () => deps.clock.now();
  const changed = (ids: number[]) => ids.length && deps.events.emit('artworks.changed', ids);

  r.post('/', 'condition.write', { summary: 'Plan a round over a location subtree (or a few rooms), in walking order', tags, body: CreateRoundBody, status: 201 }, (req, res) => {
    const body = parseBody(CreateRoundBody, req);
    const user = currentUser(req);
    const id = planRound(sqlite, body, user, now());
    res.status(201).location(`/api/rounds/${id}`).json(roundDetail(sqlite, getRoundFor(sqlite, id, user)));
  });

  r.get('/', 'read', { summary: 'Rounds by due date (mine=1: assigned to me)', tags, query: RoundListQuery }, (req, res) => {
    const q = parseQuery(RoundListQuery, req);
    const user = currentUser(req);
    const after = q.cursor ? deps.cursors.decode(q.cursor, z.object({ dueDate: z.string(), id: z.number().int() })) : undefined;
    const page = listRounds(sqlite, user, { mine: q.mine, status: q.status, site: q.site, limit: q.limit, after });
    res.json({ items: page.items, total: page.total, nextCursor: page.more && page.last ? deps.cursors.encode(page.last) : null });
  });

  r.get('/:id', 'read', { summary: 'A round with its items in walking order, each with its current result and history', tags, params: RoundParams }, (req, res) => {
    const { id } = parseParams(RoundParams, req);
    res.json(roundDetail(sqlite, getRoundFor(sqlite, id, currentUser(req))));
  });

  r.get('/:id/items', 'read', { summary: "The round's items only", tags, params: RoundParams }, (req, res) => {
    const { id } = parseParams(RoundParams, req);
    getRoundFor(sqlite, id, currentUser(req));
    res.json({ items: roundItems(sqlite, id) });
  });

  r.get('/:id/results', 'read', { summary: 'Every result of the round (history), in tap order', tags, params: RoundParams }, (req, res) => {
    const { id } = parseParams(RoundParams, req);
    getRoundFor(sqlite, id, currentUser(req));
    res.json({ items: resultsOfRound(sqlite, id) });
  });

  r.post(
    '/:id/results',
    'condition.write',
    {
      summary: 'Record one result (201; a replayed Idempotency-Key 200) or a batch (200, or 207 when some were refused: each entry has its own status)',
      tags,
      params: RoundParams,
      body: RoundResultInput,
    },
    (req, res) => {
      const { id } = parseParams(RoundParams, req);
      const user = currentUser(req);
      const round = getRoundFor(sqlite, id, user);
      const raw: unknown = req.body;
      if (Array.isArray(raw)) {
        if (raw.length === 0 || raw.length > 500) throw validationError([{ path: '(body)', message: 'Send 1–500 results' }]);
        // Parse the whole batch first: a malformed entry is a client bug and refuses the batch (400).
        const inputs = raw.map((b, i) => parse(RoundResultInput, b, String(i)));
        inputs.forEach((b, i) => {
          if (!b.idempotencyKey) throw validationError([{ path: `${i}.idempotencyKey`, message: 'Required in a batch' }]);
        });
        const moved: number[] = [];
        const entries = inputs.map((input, index) => {
          try {
            const out = recordResult(sqlite, round, input, input.idempotencyKey!, user, now());
            if (out.created) moved.push(out.item.artworkId);
            return { index, idempotencyKey: input.idempotencyKey, status: out.created ? 201 : 200, result: out.result, item: out.item };
          } catch (err) {
            if (!(err instanceof HttpError) || err.status >= 500) throw err;
            return { index, idempotencyKey: input.idempotencyKey, status: err.status, problem: { status: err.status, code: err.code, title: err.title, detail: err.detail, ...err.extra } };
          }
        });
        changed([...new Set(moved)]);
        res.status(entries.every((e) => e.status < 300) ? 200 : 207).json({ results: entries });
        return;
      }
      const input = parse(RoundResultInput, raw);
      const header = req.get('idempotency-key');
      if (header !== undefined && !KEY_HEADER.test(header)) throw validationError([{ path: 'Idempotency-Key', message: '8–100 letters, digits, - _ . :' }]);
      if (header && input.idempotencyKey && header !== input.idempotencyKey)
        throw validationError([{ path: 'idempotencyKey', message: 'Differs from the Idempotency-Key header' }]);
      const key = input.idempotencyKey ?? header;
      if (!key) throw validationError([{ path: 'idempotencyKey', message: 'Required (or send the Idempotency-Key header)' }]);
      const out = recordResult(sqlite, round, input, key, user, now());
      if (out.created) changed([out.item.artworkId]);
      res.status(out.created ? 201 : 200).json({ result: out.result, item: out.item, replayed: !out.created });
    },
  );

  r.post('/:id/close', 'condition.write', { summary: 'Close a round: without confirm a preview; with confirm: true missing works become missing, not-accessible ones get a recheck', tags, params: RoundParams, body: CloseRoundBody }, (req, res) => {
    const { id } = parseParams(RoundParams, req);
    const body = parseBody(CloseRoundBody, req);
    const user = currentUser(req);
    const round = getRoundFor(sqlite, id, user);
    if (!body.confirm) {
      if (round.status === 'closed') throw new HttpError(409, 'round.closed', 'Conflict', 'The round is already closed.');
      res.json({ preview: true, ...closePlan(sqlite, round, now()) });
      return;
    }
    const plan = closeRound(sqlite, round, user, now());
    changed([...plan.toMarkMissing, ...plan.toRecheck].map((x) => x.artworkId));
    res.json({ preview: false, ...plan, round: roundDetail(sqlite, getRoundFor(sqlite, id, user)) });
  });

  r.get('/:id/report.csv', 'read', { summary: 'Round report as CSV', tags, params: RoundParams }, (req, res) => {
    const { id } = parseParams(RoundParams, req);
    const round = roundDetail(sqlite, getRoundFor(sqlite, id, currentUser(req)));
    res.type('text/csv; charset=utf-8').attachment(`round-${id}.csv`).send(roundReportCsv(round));
  });

  r.get('/:id/report.pdf', 'read', { summary: 'Round report as PDF', tags, params: RoundParams }, async (req, res) => {
    const { id } = parseParams(RoundParams, req);
    const round = roundDetail(sqlite, getRoundFor(sqlite, id, currentUser(req)));
    const pdf = await roundReportPdf(round, now());
    res.type('application/pdf').setHeader('Content-Disposition', `inline; filename="round-${id}.pdf"`);
    res.send(pdf);
  });

  return r.router;
}
