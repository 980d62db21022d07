// Draws the field app's icons (PNG, from one SVG) into client/public/rounds/icons/.
// Run after changing the drawing: npx tsx client/rounds/make-icons.ts
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const out = fileURLToPath(new URL('../public/rounds/icons/', import.meta.url));

/** A check mark on a framed picture; `pad` shrinks the motif into the maskable safe zone. */
const drawing = (pad: number, rounded: boolean) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${rounded ? 96 : 0}" fill="#174a85"/>
  <g transform="translate(${pad} ${pad}) scale(${(512 - 2 * pad) / 512})">
    <rect x="96" y="112" width="320" height="256" rx="20" fill="none" stroke="#ffffff" stroke-width="28"/>
    <path d="M128 336l80-88 56 56 48-40 72 72" fill="none" stroke="#8fd19e" stroke-width="24" stroke-linejoin="round"/>
    <circle cx="392" cy="392" r="84" fill="#136c2e" stroke="#ffffff" stroke-width="16"/>
    <path d="M352 392l28 28 52-56" fill="none" stroke="#ffffff" stroke-width="26" stroke-linecap="round" stroke-linejoin="round"/>
  </g>
</svg>`;

fs.mkdirSync(out, { recursive: true });
const png = (svg: string, size: number, file: string) => sharp(Buffer.from(svg)).resize(size, size).png({ compressionLevel: 9, palette: true }).toFile(out + file);
await Promise.all([
  png(drawing(0, true), 192, 'icon-192.png'),
  png(drawing(0, true), 512, 'icon-512.png'),
  png(drawing(56, false), 512, 'maskable-512.png'),
  png(drawing(16, false), 180, 'apple-touch-icon.png'),
]);
console.log(`icons written to ${out}`);
