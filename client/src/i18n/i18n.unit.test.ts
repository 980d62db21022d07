import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

// The Swedish UI must be complete: every message extracted from the code has a translation.
describe('Swedish translations', () => {
  const xlf = fs.readFileSync('client/xliff/sv.xlf', 'utf8');
  const units = [...xlf.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];

  it('every message has a Swedish target', () => {
    expect(units.length).toBeGreaterThan(100);
    const untranslated = units.filter(([, , body]) => !/<target>[\s\S]*?\S[\s\S]*?<\/target>/.test(body!)).map(([, id, body]) => `${id}: ${/<source>([\s\S]*?)<\/source>/.exec(body!)?.[1]}`);
    expect(untranslated).toEqual([]);
  });

  it('each target keeps the placeholders of its source', () => {
    const broken = units
      .filter(([, , body]) => body!.includes('<target>'))
      .map(([, id, body]) => {
        const ids = (s: string | undefined) => [...(s ?? '').matchAll(/<x id="(\d+)"/g)].map((m) => m[1]).sort().join(',');
        return { id, source: ids(/<source>([\s\S]*?)<\/source>/.exec(body!)?.[1]), target: ids(/<target>([\s\S]*?)<\/target>/.exec(body!)?.[1]) };
      })
      .filter((u) => u.source !== u.target);
    expect(broken).toEqual([]);
  });

  it('the generated Swedish module is up to date with sv.xlf', () => {
    const generated = fs.readFileSync('client/src/i18n/generated/sv.ts', 'utf8');
    const missing = units.map(([, id]) => id!).filter((id) => !generated.includes(`'${id}'`));
    expect(missing).toEqual([]);
  });
});
