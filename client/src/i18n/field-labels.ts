// UI names of the artwork record's fields (edit form, history, conflict view, batch edit).
import { msg } from '@lit/localize';

export function fieldLabel(key: string): string {
  switch (key) {
    case 'inventoryNumber': return msg('Inventory number');
    case 'title': return msg('Title');
    case 'objectType': return msg('Object type');
    case 'technique': return msg('Technique');
    case 'materials': return msg('Materials');
    case 'heightCm': return msg('Height (cm)');
    case 'widthCm': return msg('Width (cm)');
    case 'depthCm': return msg('Depth (cm)');
    case 'weightKg': return msg('Weight (kg)');
    case 'datingText': return msg('Date (as written)');
    case 'yearFrom': return msg('Year from');
    case 'yearTo': return msg('Year to');
    case 'signed': return msg('Signed');
    case 'inscription': return msg('Inscription');
    case 'description': return msg('Description');
    case 'acquisitionMethod': return msg('Acquisition method');
    case 'acquisitionDate': return msg('Date acquired');
    case 'acquisitionPrice': return msg('Price (öre)');
    case 'acquisitionSource': return msg('Source');
    case 'acquisitionRef': return msg('Registry number');
    case 'insuranceValue': return msg('Insurance value (öre)');
    case 'copyright': return msg('Copyright');
    case 'mounting': return msg('Mounting');
    case 'fixedInBuilding': return msg('Fixed in the building');
    case 'antiTheftFixing': return msg('Anti-theft fixing');
    case 'glazed': return msg('Glazed');
    case 'cleanable': return msg('Cleanable surfaces');
    case 'psychiatrySafe': return msg('Suitable for psychiatric care');
    case 'fireClass': return msg('Fire class');
    case 'ownershipUnclear': return msg('Ownership unclear');
    case 'acquisitionDataMissing': return msg('Acquisition data missing');
    case 'dimensionsUnknown': return msg('Dimensions unknown');
    case 'isPublic': return msg('Shown in the art guide');
    case 'publicTextSv': return msg('Guide text (Swedish)');
    case 'publicTextEn': return msg('Guide text (English)');
    case 'internalNote': return msg('Internal note');
    case 'checkIntervalMonths': return msg('Check interval (months)');
    case 'status': return msg('Status');
    case 'statusNote': return msg('Status note');
    case 'locationId': return msg('Location');
    case 'artists': return msg('Artists');
    case 'lastGrade': return msg('Condition');
    case 'nextCheckDue': return msg('Next check due');
    default: return key;
  }
}
