// Imports: upload a CSV, dry run with a column mapping, commit (with progress), undo; saved mappings.
import { get, request, upload, type UploadProgress } from './client.js';
import type { ImportField, ImportReport, ImportSummary, RowError } from '../../../server/import-export/import.schema.js';

export type { ImportField, ImportReport, ImportSummary, RowError } from '../../../server/import-export/import.schema.js';
export { IMPORT_FIELDS } from '../../../server/import-export/import.schema.js';

export type Mapping = Record<string, ImportField | ''>;
export type UploadResult = {
  id: number;
  fileName: string;
  fileHash: string;
  encoding: 'utf-8' | 'windows-1252';
  delimiter: ',' | ';' | '\t';
  columns: string[];
  suggestedMapping: Mapping;
  suggestedProfile: string | null;
  sample: string[][];
  previousImports: { id: number; committedAt: string }[];
};
export type CommitResult = { new: number; updated: number; unchanged: number; skippedRows: number; errors: RowError[]; artistsCreated: number; locationsCreated: number; import: ImportSummary };
export type Profile = { id: number; name: string; mapping: Mapping; createdAt: string; updatedAt: string };

export function uploadImport(file: File, onProgress: UploadProgress, signal?: AbortSignal): Promise<UploadResult> {
  const form = new FormData();
  form.append('file', file);
  return upload<UploadResult>(`/api/imports?fileName=${encodeURIComponent(file.name)}`, form, onProgress, signal);
}

export const dryRun = (id: number, mapping: Mapping, profileName?: string) =>
  request<ImportReport>(`/api/imports/${id}/dry-run`, { method: 'POST', body: { mapping, ...(profileName ? { profileName } : {}) } }).then((r) => r.data);

export const commitImport = (id: number, skipErrors: boolean) => request<CommitResult>(`/api/imports/${id}/commit`, { method: 'POST', body: { skipErrors } }).then((r) => r.data);

export const undoImport = (id: number) => request<{ removed: number; restored: number; import: ImportSummary }>(`/api/imports/${id}/undo`, { method: 'POST' }).then((r) => r.data);

export const getImport = (id: number, signal?: AbortSignal) => get<ImportSummary>(`/api/imports/${id}`, undefined, signal);

export const listProfiles = (signal?: AbortSignal) => get<{ items: Profile[] }>('/api/import-profiles', undefined, signal).then((r) => r.items);

export const errorsCsvUrl = (id: number) => `/api/imports/${id}/errors.csv`;

/**
 * Runs a dry run or commit while polling its progress (0–1) every half second; the server works in a
 * background thread, so the polls are answered while the long request is open.
 */
export async function withProgress<T>(id: number, run: () => Promise<T>, onProgress: (fraction: number, rows: number) => void): Promise<T> {
  const controller = new AbortController();
  const timer = setInterval(async () => {
    try {
      const s = await getImport(id, controller.signal);
      if (s.progress) onProgress(Math.min(1, s.progress.done / Math.max(1, s.progress.total)), s.progress.rows);
    } catch {
      // A missed poll only delays the bar.
    }
  }, 500);
  try {
    return await run();
  } finally {
    clearInterval(timer);
    controller.abort();
  }
}
