// Inventory numbers: compared case- and space-insensitively ("SLL 1234" = "sll-1234"), new ones follow a pattern.
import type Database from 'better-sqlite3';
import { conflict, validationError } from '../http/errors.js';

/** The comparison key stored in artworks.inventory_key: lower-case, no spaces, dashes or dots. */
export const inventoryKey = (n: string) => n.normalize('NFC').toLowerCase().replace(/[\s\-.\u2010-\u2015]+/g, '');

export function assertInventoryPattern(number: string, pattern: string): void {
  if (!new RegExp(pattern, 'u').test(number))
    throw validationError([{ path: 'inventoryNumber', message: `Does not match the collection's pattern ${pattern}` }], 'The inventory number does not follow the pattern.');
  if (!inventoryKey(number)) throw validationError([{ path: 'inventoryNumber', message: 'Needs at least one letter or digit' }]);
}

/** 409 with a link to the work that already has this number. */
export function assertInventoryFree(sqlite: Database.Database, number: string, exceptId?: number): void {
  const existing = sqlite.prepare('select id, inventory_number as inventoryNumber from artworks where inventory_key = ?').get(inventoryKey(number)) as
    | { id: number; inventoryNumber: string }
    | undefined;
  if (existing && existing.id !== exceptId)
    throw conflict('artwork.duplicate_inventory_number', `Inventory number ${existing.inventoryNumber} is already used.`, {
      existing: { id: existing.id, inventoryNumber: existing.inventoryNumber, href: `/api/artworks/${existing.id}` },
      errors: [{ path: 'inventoryNumber', message: 'Already used' }],
    });
}

/** The number after the highest "<prefix><digits>" in use, formatted "<PREFIX> <n>". */
export function nextInventoryNumber(sqlite: Database.Database, prefix: string, pattern: string): { inventoryNumber: string; prefix: string } {
  const key = inventoryKey(prefix);
  const escaped = key.replace(/[[\]*?]/g, (c) => `[${c}]`);
  const max = (sqlite
    .prepare(`select max(cast(substr(inventory_key, ?) as integer)) from artworks where inventory_key glob ? and substr(inventory_key, ?) not glob '*[^0-9]*'`)
    .pluck()
    .get(key.length + 1, `${escaped}[0-9]*`, key.length + 1) as number | null) ?? 0;
  let n = max + 1;
  const re = new RegExp(pattern, 'u');
  const format = (k: number) => (re.test(`${prefix} ${k}`) || !re.test(`${prefix}${k}`) ? `${prefix} ${k}` : `${prefix}${k}`);
  const taken = sqlite.prepare('select 1 from artworks where inventory_key = ?').pluck();
  while (taken.get(inventoryKey(format(n)))) n++;
  return { inventoryNumber: format(n), prefix };
}
