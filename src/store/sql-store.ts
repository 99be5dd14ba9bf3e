/** What every SQL store shares: its Kysely handle, and the lookup of one row by a key. */
import type { Kysely, Selectable } from 'kysely';
import type { Db } from './db.js';
import type { Database } from './schema.js';

export abstract class SqlStore {
  protected readonly db: Kysely<Database>;

  constructor(handle: Db) {
    this.db = handle.kysely;
  }

  /** The row of `table` whose `column` is `value`, mapped by `map`; undefined when there is none. */
  protected async findOne<T extends keyof Database, R>(
    table: T,
    column: keyof Database[T] & string,
    value: string,
    map: (row: Selectable<Database[T]>) => R,
  ): Promise<R | undefined> {
    // Kysely cannot resolve the columns of a table named by a type parameter, so the query runs
    // on an untyped view of the same handle; the signature above keeps callers to real columns.
    const untyped = this.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const key: string = column;
    const row = (await untyped
      .selectFrom(table)
      .selectAll()
      .where(key, '=', value)
      .executeTakeFirst()) as Selectable<Database[T]> | undefined;
    return row ? map(row) : undefined;
  }
}
