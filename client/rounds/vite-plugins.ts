// Build step of the field app (client/rounds/): writes the exact list of files the rounds page
// needs (its HTML, every chunk it can load — including lazy ones such as the QR decoder — its CSS,
// manifest and icons) into sw.js, with a version derived from that list, so a new build installs
// a new worker and the old cache is dropped.
import crypto from 'node:crypto';
import type { Plugin } from 'vite';

/** Files in client/public/rounds/ (copied as they are, so not seen in the bundle). */
const STATIC_FILES = ['/rounds/manifest.webmanifest', '/rounds/icons/icon-192.png', '/rounds/icons/icon-512.png', '/rounds/icons/maskable-512.png', '/rounds/icons/apple-touch-icon.png'];

type OutChunk = { type: 'chunk'; name: string; fileName: string; code: string; imports: string[]; dynamicImports: string[]; facadeModuleId: string | null; viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } };
type OutAsset = { type: 'asset'; fileName: string };

export function roundsServiceWorker(): Plugin {
  return {
    name: 'konstkoll-rounds-sw',
    apply: 'build',
    generateBundle(_options, bundle) {
      const all = bundle as unknown as Record<string, OutChunk | OutAsset>;
      const chunks = Object.values(all).filter((c): c is OutChunk => c.type === 'chunk');
      const entry = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith('client/rounds/index.html'));
      const sw = chunks.find((c) => c.name === 'rounds-sw');
      if (!entry || !sw) return;
      const files = new Set<string>();
      const visit = (fileName: string) => {
        if (files.has(fileName)) return;
        files.add(fileName);
        const c = all[fileName];
        if (!c || c.type !== 'chunk') return;
        c.imports.forEach(visit);
        c.dynamicImports.forEach(visit);
        c.viteMetadata?.importedCss.forEach((f) => files.add(f));
        c.viteMetadata?.importedAssets.forEach((f) => files.add(f));
      };
      visit(entry.fileName);
      const list = ['/rounds/', ...[...files].sort().map((f) => `/${f}`), ...STATIC_FILES];
      const version = crypto.createHash('sha256').update(list.join('\n')).update(sw.code).digest('hex').slice(0, 12);
      if (!sw.code.includes('self.__PRECACHE__')) this.error('sw.ts must read self.__PRECACHE__');
      sw.code = sw.code.replace(/self\.__PRECACHE__/g, JSON.stringify({ version, files: list }));
    },
  };
}

