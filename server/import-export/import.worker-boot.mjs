// Starts the import worker: under tsx (development, tests, `npm start`) the TypeScript entry needs tsx's loader
// registered inside the worker thread first; a build to JavaScript would load the entry directly.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
