// UI names the map needs that the shared labels don't have yet (site types).
import { msg } from '@lit/localize';

export function siteTypeLabel(t: string | null | undefined): string {
  switch (t) {
    case 'hospital': return msg('Hospital');
    case 'local_hospital': return msg('Local hospital');
    case 'care_centre': return msg('Primary care centre');
    case 'psychiatry': return msg('Psychiatric care');
    case 'care_home': return msg('Care home');
    case 'station': return msg('Metro station');
    case 'storage': return msg('Storage');
    case 'studio': return msg('Conservation studio');
    case 'office': return msg('Office');
    case 'other': return msg('Other');
    default: return '';
  }
}
