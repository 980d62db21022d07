// Many rows into one table, a few dozen per INSERT statement. Each statement run from JavaScript costs a
// crossing into SQLite, a bind of every value and a reset; a multi-row VALUES list pays that once per batch.
// Rows wait in the buffer until it is full (or flush() is called): call flush() before anything reads the table.
import type Database from 'better-sqlite3';
import { stmt } from './statements.js';

export class BulkInsert {
  private buffer: unknown[] = [];
  private rows = 0;
  private readonly head: string;
  private readonly one: string;

  constructor(
    private readonly sqlite: Database.Database,
    table: string,
    private readonly columns: readonly string[],
    private readonly rowsPerStatement = 50,
  ) {
    this.head = `insert into ${table} (${columns.join(', ')}) values `;
    this.one = `(${columns.map(() => '?').join(', ')})`;
  }

  /** One row, its values in the order of the columns. */
  push(...values: unknown[]): void {
    if (values.length !== this.columns.length) throw new Error(`BulkInsert: ${values.length} values for ${this.columns.length} columns`);
    for (const v of values) this.buffer.push(v);
    if (++this.rows === this.rowsPerStatement) this.flush();
  }

  /** Writes the waiting rows; returns the rowid of the last one written (0 when none waited). */
  flush(): number {
    if (!this.rows) return 0;
    const sql = this.head + new Array<string>(this.rows).fill(this.one).join(', ');
    const info = stmt(this.sqlite, sql).run(this.buffer);
    this.buffer = [];
    this.rows = 0;
    return Number(info.lastInsertRowid);
  }
}
