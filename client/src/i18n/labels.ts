// UI names for the data model's coded values (status, object type, grade …), in the current language.
import { msg } from '@lit/localize';

export const STATUSES = ['in_place', 'in_storage', 'on_loan', 'in_conservation', 'missing', 'deaccessioned'] as const;
export const OBJECT_TYPES = ['painting', 'print', 'drawing', 'photograph', 'sculpture', 'relief', 'textile', 'ceramics', 'glass', 'mosaic', 'installation', 'digital', 'other'] as const;
export const MOUNTINGS = ['wall', 'ceiling', 'free_standing', 'outdoor', 'integrated'] as const;
export const ACQUISITION_METHODS = ['purchase', 'commission', 'gift', 'transfer', 'unknown'] as const;

export function statusLabel(s: string): string {
  switch (s) {
    case 'in_place': return msg('In place');
    case 'in_storage': return msg('In storage');
    case 'on_loan': return msg('On loan');
    case 'in_conservation': return msg('In conservation');
    case 'missing': return msg('Missing');
    case 'deaccessioned': return msg('Deaccessioned');
    default: return s;
  }
}

export function objectTypeLabel(t: string): string {
  switch (t) {
    case 'painting': return msg('Painting');
    case 'print': return msg('Print');
    case 'drawing': return msg('Drawing');
    case 'photograph': return msg('Photograph');
    case 'sculpture': return msg('Sculpture');
    case 'relief': return msg('Relief');
    case 'textile': return msg('Textile');
    case 'ceramics': return msg('Ceramics');
    case 'glass': return msg('Glass');
    case 'mosaic': return msg('Mosaic');
    case 'installation': return msg('Installation');
    case 'digital': return msg('Digital work');
    case 'other': return msg('Other');
    default: return t;
  }
}

export function gradeLabel(g: number | string | null | undefined): string {
  switch (Number(g)) {
    case 1: return msg('Good');
    case 2: return msg('Fair');
    case 3: return msg('Poor');
    case 4: return msg('Unacceptable');
    default: return msg('Not checked');
  }
}

export function mountingLabel(m: string | null | undefined): string {
  switch (m) {
    case 'wall': return msg('Wall');
    case 'ceiling': return msg('Ceiling');
    case 'free_standing': return msg('Free-standing');
    case 'outdoor': return msg('Outdoor');
    case 'integrated': return msg('Integrated in the building');
    default: return m ?? '';
  }
}

export function acquisitionLabel(a: string | null | undefined): string {
  switch (a) {
    case 'purchase': return msg('Purchase');
    case 'commission': return msg('Commission');
    case 'gift': return msg('Gift');
    case 'transfer': return msg('Transfer');
    case 'unknown': return msg('Unknown');
    default: return a ?? '';
  }
}

export function roleLabel(r: string): string {
  switch (r) {
    case 'admin': return msg('Administrator');
    case 'curator': return msg('Curator');
    case 'conservator': return msg('Conservator');
    case 'project_lead': return msg('Project lead');
    case 'viewer': return msg('Viewer');
    default: return r;
  }
}

export const ARTIST_ROLES = ['artist', 'designer', 'photographer', 'after', 'workshop', 'collaborator'] as const;

/** An artist's part in a work (artwork_artists.role). */
export function artistRoleLabel(r: string): string {
  switch (r) {
    case 'artist': return msg('Artist');
    case 'designer': return msg('Designer');
    case 'photographer': return msg('Photographer');
    case 'after': return msg('After (original by)');
    case 'workshop': return msg('Workshop');
    case 'collaborator': return msg('Collaborator');
    default: return r;
  }
}

export function locationKindLabel(k: string): string {
  switch (k) {
    case 'site': return msg('Site');
    case 'building': return msg('Building');
    case 'floor': return msg('Floor');
    case 'room': return msg('Room');
    default: return k;
  }
}

export function facetLabel(facet: string): string {
  switch (facet) {
    case 'status': return msg('Status');
    case 'type': return msg('Object type');
    case 'site': return msg('Site');
    case 'grade': return msg('Condition');
    case 'decade': return msg('Decade');
    case 'hasImage': return msg('Picture');
    case 'location': return msg('Location');
    case 'artist': return msg('Artist');
    case 'due': return msg('Next check');
    case 'incomplete': return msg('Missing in record');
    case 'need': return msg('Conservation need');
    case 'checkedSince': return msg('Checked since');
    case 'notCheckedSince': return msg('Not checked since');
    default: return facet;
  }
}

/** A gap in a work's record (the search's `incomplete` filter, the dashboard's data quality). */
export function incompleteLabel(gap: string): string {
  switch (gap) {
    case 'image': return msg('No picture');
    case 'dimensions': return msg('No dimensions');
    case 'acquisition': return msg('No acquisition data');
    case 'location': return msg('No room (location imprecise)');
    case 'ownership': return msg('Ownership unclear');
    default: return gap;
  }
}

export const DAMAGE_TYPES = ['scratch', 'tear', 'dent', 'water_damage', 'mould', 'dust', 'light_damage', 'loose_fixing', 'graffiti', 'vandalism', 'other'] as const;
export const PRIORITIES = ['none', 'routine', 'soon', 'urgent'] as const;

export function damageLabel(d: string): string {
  switch (d) {
    case 'scratch': return msg('Scratch');
    case 'tear': return msg('Tear');
    case 'dent': return msg('Dent');
    case 'water_damage': return msg('Water damage');
    case 'mould': return msg('Mould');
    case 'dust': return msg('Dust');
    case 'light_damage': return msg('Light damage');
    case 'loose_fixing': return msg('Loose fixing');
    case 'graffiti': return msg('Graffiti');
    case 'vandalism': return msg('Vandalism');
    case 'other': return msg('Other damage');
    default: return d;
  }
}

export function priorityLabel(p: string | null | undefined): string {
  switch (p) {
    case 'none': return msg('No action needed');
    case 'routine': return msg('Routine');
    case 'soon': return msg('Soon');
    case 'urgent': return msg('Urgent');
    default: return p ?? '';
  }
}

export function treatmentStatusLabel(s: string): string {
  switch (s) {
    case 'proposed': return msg('Proposed');
    case 'approved': return msg('Approved');
    case 'in_progress': return msg('In progress');
    case 'done': return msg('Done');
    case 'rejected': return msg('Rejected');
    default: return s;
  }
}

export function siteTypeLabel(t: string | null | undefined): string {
  switch (t) {
    case 'hospital': return msg('Hospital');
    case 'local_hospital': return msg('Local hospital');
    case 'care_centre': return msg('Primary care centre');
    case 'psychiatry': return msg('Psychiatry');
    case 'care_home': return msg('Care home');
    case 'station': return msg('Metro station');
    case 'storage': return msg('Storage');
    case 'studio': return msg('Studio');
    case 'office': return msg('Office');
    case 'other': return msg('Other');
    default: return t ?? '';
  }
}
