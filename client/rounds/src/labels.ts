// Words for outcomes, damage types and grades (the glossary's terms), in the current language.
import { msg } from '@lit/localize';
import type { CheckInput, RoundOutcome } from './model.js';

export type DamageType = NonNullable<CheckInput['damageTypes']>[number];
/** Same values as DAMAGE_TYPE_VALUES in server/rounds/rounds.schema.ts (not imported: it would bring zod along). */
export const DAMAGE_TYPES = ['scratch', 'tear', 'dent', 'water_damage', 'mould', 'dust', 'light_damage', 'loose_fixing', 'graffiti', 'vandalism', 'other'] as const satisfies readonly DamageType[];

export const outcomeLabel = (o: RoundOutcome | 'pending'): string =>
  ({
    pending: msg('Not checked'),
    seen_ok: msg('Seen, OK'),
    needs_action: msg('Damage'),
    found_elsewhere: msg('Found elsewhere'),
    found_here: msg('Found here'),
    missing: msg('Missing'),
    not_accessible: msg('Not accessible'),
  })[o];

export const damageLabel = (d: DamageType): string =>
  ({
    scratch: msg('Scratch'),
    tear: msg('Tear'),
    dent: msg('Dent'),
    water_damage: msg('Water damage'),
    mould: msg('Mould'),
    dust: msg('Dust'),
    light_damage: msg('Light damage'),
    loose_fixing: msg('Loose fixing'),
    graffiti: msg('Graffiti'),
    vandalism: msg('Vandalism'),
    other: msg('Other'),
  })[d];

export const gradeLabel = (g: number): string => [msg('Good'), msg('Fair'), msg('Poor'), msg('Unacceptable')][g - 1] ?? String(g);

export const syncLabel = (s: 'queued' | 'synced' | 'failed'): string =>
  ({ queued: msg('Saved on phone'), synced: msg('Synced'), failed: msg('Not synced – tap to retry') })[s];
