// Image and document uploads, with per-file progress.
import { upload, type UploadProgress } from './client.js';
import type { MediaEntityType, MediaRole } from '../../../server/media/media.schema.js';


export function uploadFile(entityType: MediaEntityType, entityId: number, role: MediaRole, file: File, onProgress: UploadProgress, signal?: AbortSignal) {
  const form = new FormData();
  form.set('entityType', entityType);
  form.set('entityId', String(entityId));
  form.set('role', role);
  form.append('files', file, file.name);
  return upload<{ items: unknown[] }>('/api/media', form, onProgress, signal);
}
