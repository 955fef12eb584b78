// Column helpers for the few places where the two engines spell a type differently.
import type { CreateTableBuilder } from 'kysely';
import type { Engine } from '../engine.js';

/** An auto-incrementing integer primary key named `id`. */
export function idColumn<T extends string>(
  engine: Engine,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return engine === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
