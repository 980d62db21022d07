// Reading an uploaded CSV: hashing, refusing what is not text, telling UTF-8 from Windows-1252 (Swedish Excel),
// sniffing the delimiter, and streaming its rows (csv-parse) so a large file never sits in memory at once.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { HttpError } from '../http/errors.js';
import { MAX_IMPORT_BYTES } from './import.schema.js';

export type FileFacts = { size: number; hash: string; encoding: 'utf-8' | 'windows-1252'; delimiter: ',' | ';' | '\t' };

export const tooLarge = (size?: number) =>
  new HttpError(413, 'import.too_large', 'Payload too large', `The file${size ? ` (${Math.round(size / 1024 / 1024)} MB)` : ''} is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB an import takes; split it.`, {
    errors: [{ path: 'file', row: null, column: null, message: `Larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }],
  });

const notText = (message: string, row: number | null) =>
  new HttpError(422, 'import.not_text', 'Unprocessable', message, { errors: [{ path: 'file', row, column: null, message }] });

/** Copies a stream into a file, hashing it and stopping at the size limit (the partial file is removed). */
export async function saveStream(input: Readable, file: string): Promise<{ size: number; hash: string }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > MAX_IMPORT_BYTES) return cb(tooLarge());
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(input, counter, fs.createWriteStream(file));
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
  return { size, hash: hash.digest('hex') };
}

/** One pass over the stored bytes: hash, binary check, UTF-8 validity, and the header line for the delimiter. */
export async function inspectFile(file: string): Promise<FileFacts> {
  const size = fs.statSync(file).size;
  if (size > MAX_IMPORT_BYTES) throw tooLarge(size);
  if (size === 0) throw new HttpError(422, 'import.empty', 'Unprocessable', 'The file is empty.', { errors: [{ path: 'file', row: null, column: null, message: 'Empty file' }] });
  const hash = crypto.createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let isUtf8 = true;
  let first: Buffer | null = null;
  let line = 1;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (!first) {
      first = chunk.subarray(0, 64 * 1024);
      if (first[0] === 0x50 && first[1] === 0x4b && first[2] === 0x03 && first[3] === 0x04)
        throw notText('This is an Excel workbook or another zip file, not CSV: save it from Excel as "CSV UTF-8" or "CSV (semicolon separated)".', 1);
      if ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff))
        throw notText('The file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" instead.', 1);
    }
    // Text never holds NUL or most C0 control bytes; one of them means a binary file named .csv.
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 0x0a) line++;
      else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1a)) throw notText(`The file is not text (a control byte 0x${b.toString(16).padStart(2, '0')} on line ${line}); is it a CSV file?`, line);
    }
    if (isUtf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        isUtf8 = false;
      }
    }
  }
  if (isUtf8) {
    try {
      utf8.decode();
    } catch {
      isUtf8 = false;
    }
  }
  const encoding = isUtf8 ? 'utf-8' : 'windows-1252';
  const headText = isUtf8 ? first!.toString('utf8') : iconv.decode(first!, 'win1252');
  return { size, hash: hash.digest('hex'), encoding, delimiter: sniffDelimiter(headText) };
}

/** The delimiter that splits the header line into the most fields (quotes respected); ties go , → ; → tab. */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text.replace(/^\ufeff/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

export type Row = { row: number; cells: string[] };
export type ReadState = { fatal: { row: number; index: number | null; message: string } | null; bytesRead: number };

/**
 * The file's records as arrays of strings, numbered as a spreadsheet shows them (header = row 1). Synchronous
 * (chunks read with readSync and fed to csv-parse), so a commit can run inside one better-sqlite3 transaction
 * while holding only one chunk in memory. A structural error (a quote never closed, a stray quote) ends the read:
 * `state.fatal` names its row and column.
 */
export function* readRows(file: string, facts: Pick<FileFacts, 'encoding' | 'delimiter'>, state: ReadState): Generator<Row> {
  // Records are counted here (csv-parse's `info` builds an object per record: a tenth of the parse of a large file).
  // A record it skips is an error that ends the reading (see onError), so the count stays the file's row number.
  const parser = parse({ delimiter: facts.delimiter, relax_column_count: true, relax_quotes: true, bom: true, skip_records_with_error: true });
  let records = 0;
  const onError = (err: Error & { code?: string; records?: number; index?: number }) => {
    if (state.fatal) return;
    const what = err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'A quote opened in this cell is never closed' : 'A quote in this cell is misplaced';
    state.fatal = { row: (err.records ?? 0) + 1, index: err.index ?? null, message: `${what}; the file cannot be read past this point (${err.message}).` };
  };
  parser.on('skip', onError);
  parser.on('error', onError);
  const decoder = facts.encoding === 'windows-1252' ? iconv.getDecoder('win1252') : null;
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(64 * 1024);
  const drain = function* (): Generator<Row> {
    let record: string[] | null;
    while ((record = parser.read()) !== null) yield { row: ++records, cells: record };
  };
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      state.bytesRead += n;
      parser.write(decoder ? decoder.write(buf.subarray(0, n)) : Buffer.from(buf.subarray(0, n)));
      yield* drain();
    }
    const rest = decoder?.end();
    if (rest) parser.write(rest);
    parser.end();
    yield* drain();
  } finally {
    fs.closeSync(fd);
  }
}
