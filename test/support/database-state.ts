import { isDeepStrictEqual } from 'node:util';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client.js';

/**
 * What a database holds, read generically from the catalog: its schema (to compare two databases)
 * and its rows as JSON (to compare them, and to copy rows between databases of different shapes).
 * Rows are `to_jsonb(row)`: the same text on every engine for the same stored value, so two rows
 * compare equal exactly when every column holds the same value.
 */

export type Row = Record<string, unknown>;

/** Everything of a schema that a migration can create, in a stable order. */
export interface SchemaDescription {
  tables: unknown[];
  columns: unknown[];
  constraints: unknown[];
  indexes: unknown[];
  triggers: unknown[];
  functions: unknown[];
  sequences: unknown[];
}

const schemas = sql.raw(`('public', 'drizzle')`);

export async function describeSchema(db: Database): Promise<SchemaDescription> {
  const rows = (query: SQL) => queryRows<Record<string, unknown>>(db, query);
  return {
    tables: await rows(sql`select table_schema, table_name, table_type from information_schema.tables where table_schema in ${schemas} order by 1, 2`),
    columns: await rows(sql`
      select table_schema, table_name, column_name, ordinal_position, data_type, udt_name, is_nullable, column_default,
             is_identity, identity_generation, identity_start, identity_increment, is_generated, generation_expression,
             character_maximum_length, numeric_precision, numeric_scale, datetime_precision
      from information_schema.columns where table_schema in ${schemas} order by 1, 2, 4`),
    constraints: await rows(sql`
      select n.nspname as schema, c.relname as table_name, k.conname, k.contype, pg_get_constraintdef(k.oid) as definition,
             k.condeferrable, k.condeferred, k.convalidated
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ${schemas} order by 1, 2, 3`),
    indexes: await rows(sql`select schemaname, tablename, indexname, indexdef from pg_indexes where schemaname in ${schemas} order by 1, 2, 3`),
    triggers: await rows(sql`
      select n.nspname as schema, c.relname as table_name, t.tgname, t.tgenabled, pg_get_triggerdef(t.oid) as definition
      from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where not t.tgisinternal and n.nspname in ${schemas} order by 1, 2, 3`),
    functions: await rows(sql`
      select n.nspname as schema, p.proname, pg_get_function_identity_arguments(p.oid) as arguments, pg_get_functiondef(p.oid) as definition
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ${schemas} order by 1, 2, 3`),
    sequences: await rows(sql`
      select sequence_schema, sequence_name, data_type, start_value, minimum_value, maximum_value, increment, cycle_option
      from information_schema.sequences where sequence_schema in ${schemas} order by 1, 2`),
  };
}

export interface ColumnInfo {
  name: string;
  identity: boolean;
  /** NOT NULL and no default: an insert must name it. */
  required: boolean;
}

/** The application's tables (schema public) and their columns. */
export interface TableShape {
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Tables its foreign keys point to: their rows are written first. */
  references: string[];
}

export async function tableShapes(db: Database): Promise<Map<string, TableShape>> {
  const columns = await queryRows<{ table_name: string; column_name: string; is_identity: string; is_nullable: string; column_default: string | null }>(
    db,
    sql`select c.table_name, c.column_name, c.is_identity, c.is_nullable, c.column_default
        from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position`,
  );
  const keys = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select c.relname as table_name, a.attname as column_name
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        cross join lateral unnest(k.conkey) with ordinality as key(attnum, position)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = key.attnum
        where k.contype = 'p' and n.nspname = 'public' order by c.relname, key.position`,
  );
  const references = await queryRows<{ table_name: string; referenced: string }>(
    db,
    sql`select distinct c.relname as table_name, p.relname as referenced
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public' and p.oid <> c.oid order by 1, 2`,
  );
  const shapes = new Map<string, TableShape>();
  for (const c of columns) {
    const shape = shapes.get(c.table_name) ?? { columns: [], primaryKey: [], references: [] };
    const identity = c.is_identity === 'YES';
    shape.columns.push({ name: c.column_name, identity, required: !identity && c.is_nullable === 'NO' && c.column_default === null });
    shapes.set(c.table_name, shape);
  }
  for (const k of keys) shapes.get(k.table_name)?.primaryKey.push(k.column_name);
  for (const r of references) shapes.get(r.table_name)?.references.push(r.referenced);
  return shapes;
}

/** Table names with every table after the tables it references (foreign keys). */
export function referencedFirst(shapes: Map<string, TableShape>): string[] {
  const ordered: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table) || path.includes(table)) return;
    for (const parent of shapes.get(table)?.references ?? []) visit(parent, [...path, table]);
    ordered.push(table);
  };
  for (const table of [...shapes.keys()].sort()) visit(table, []);
  return ordered;
}

const ident = (name: string) => sql.identifier(name);
const list = (names: string[]) => sql.join(names.map(ident), sql`, `);

export async function tableRows(db: Database, table: string): Promise<Row[]> {
  const rows = await queryRows<{ row: Row }>(db, sql`select to_jsonb(t) as row from ${ident(table)} t`);
  return rows.map((r) => r.row);
}

/** A row's identity: its primary key's values (the whole row for a table without one). */
export function rowKey(row: Row, primaryKey: string[]): string {
  return JSON.stringify(primaryKey.length ? primaryKey.map((c) => row[c]) : row);
}

export type TableRows = Map<string, Map<string, Row>>;

/** Every row of the given tables, keyed by primary key. */
export async function snapshotRows(db: Database, shapes: Map<string, TableShape>): Promise<TableRows> {
  const snapshot: TableRows = new Map();
  for (const [table, shape] of shapes) {
    snapshot.set(table, new Map((await tableRows(db, table)).map((row) => [rowKey(row, shape.primaryKey), row])));
  }
  return snapshot;
}

export interface RowChange {
  table: string;
  kind: 'insert' | 'update' | 'delete';
  row: Row;
}

/** What changed between two snapshots of the same database, table by table. */
export function rowChanges(before: TableRows, after: TableRows): RowChange[] {
  const changes: RowChange[] = [];
  for (const [table, rows] of after) {
    const old = before.get(table) ?? new Map<string, Row>();
    for (const [key, row] of rows) {
      const was = old.get(key);
      if (!was) changes.push({ table, kind: 'insert', row });
      else if (!isDeepStrictEqual(was, row)) changes.push({ table, kind: 'update', row });
    }
    for (const [key, row] of old) if (!rows.has(key)) changes.push({ table, kind: 'delete', row });
  }
  return changes;
}

/**
 * Writes a row (as JSON) into a table of another shape: the columns both have, converted by the
 * target's own column types (`jsonb_populate_record`). Identity values are kept (OVERRIDING
 * SYSTEM VALUE), so ids and the references to them stay the same as where the row was written.
 */
export async function applyChange(db: Database, change: RowChange, shape: TableShape): Promise<void> {
  const table = ident(change.table);
  const record = sql`jsonb_populate_record(null::${table}, ${JSON.stringify(change.row)}::jsonb)`;
  const key = shape.primaryKey.length ? shape.primaryKey : shape.columns.map((c) => c.name);
  const keyMatches = sql`(${list(key)}) = (select ${list(key)} from ${record})`;
  if (change.kind === 'delete') {
    await db.execute(sql`delete from ${table} where ${keyMatches}`);
    return;
  }
  const present = shape.columns.filter((c) => c.name in change.row);
  const missing = shape.columns.filter((c) => c.required && !(c.name in change.row)).map((c) => c.name);
  if (missing.length) {
    throw new Error(
      `table ${change.table} has NOT NULL column(s) ${missing.join(', ')} without a default that today's rows no longer have ` +
        '(dropped by a later migration): add their values to legacyColumns in test/support/migration-rows.ts',
    );
  }
  const names = present.map((c) => c.name);
  if (change.kind === 'insert') {
    await db.execute(sql`insert into ${table} (${list(names)}) overriding system value select ${list(names)} from ${record}`);
  } else {
    const settable = present.filter((c) => !c.identity).map((c) => c.name);
    await db.execute(sql`update ${table} set (${list(settable)}) = (select ${list(settable)} from ${record}) where ${keyMatches}`);
  }
}

/** Identity sequences moved past the ids copied in, so the application's own inserts continue after them. */
export async function advanceIdentities(db: Database, shapes: Map<string, TableShape>): Promise<void> {
  for (const [table, shape] of shapes) {
    for (const column of shape.columns.filter((c) => c.identity)) {
      await db.execute(
        sql`select setval(pg_get_serial_sequence(${`"${table}"`}, ${column.name}), max(${ident(column.name)})) from ${ident(table)} having count(*) > 0`,
      );
    }
  }
}

/**
 * Rows of `actual` that differ from `expected` in the columns named, as sentences (empty = the
 * same rows with the same values). Tables and columns not named, and columns an expected row does
 * not have, are not compared; rows only `actual` has are reported when `extraRows` says so.
 */
export function rowDifferences(expected: TableRows, actual: TableRows, columnsOf: (table: string) => string[] | undefined, extraRows = true): string[] {
  const differences: string[] = [];
  for (const [table, rows] of expected) {
    const columns = columnsOf(table);
    if (!columns) continue;
    const found = actual.get(table) ?? new Map<string, Row>();
    for (const [key, row] of rows) {
      const stored = found.get(key);
      if (!stored) {
        differences.push(`${table} ${key}: row missing`);
        continue;
      }
      for (const c of columns.filter((name) => name in row)) {
        if (!isDeepStrictEqual(stored[c], row[c])) differences.push(`${table} ${key}: ${c} is ${JSON.stringify(stored[c])}, was written as ${JSON.stringify(row[c])}`);
      }
    }
    if (extraRows) for (const key of found.keys()) if (!rows.has(key)) differences.push(`${table} ${key}: a row nobody wrote`);
  }
  return differences;
}

/** Writes the changes into a database of its own shape: deletes first, rows a foreign key points to before the rows pointing to them. */
export async function copyChanges(db: Database, changes: RowChange[], shapes: Map<string, TableShape>): Promise<void> {
  const order = referencedFirst(shapes);
  const rank = (c: RowChange) => order.indexOf(c.table);
  const deletes = changes.filter((c) => c.kind === 'delete').sort((a, b) => rank(b) - rank(a));
  const writes = changes.filter((c) => c.kind !== 'delete').sort((a, b) => rank(a) - rank(b));
  for (const change of [...deletes, ...writes]) await applyChange(db, change, shapes.get(change.table)!);
  await advanceIdentities(db, shapes);
}

/** The snapshot as it stands after the changes were copied into tables of these shapes (their columns only). */
export function withChanges(snapshot: TableRows, changes: RowChange[], shapes: Map<string, TableShape>): TableRows {
  const next: TableRows = new Map([...snapshot].map(([table, rows]) => [table, new Map(rows)]));
  for (const change of changes) {
    const shape = shapes.get(change.table)!;
    const rows = next.get(change.table) ?? new Map<string, Row>();
    const key = rowKey(change.row, shape.primaryKey);
    if (change.kind === 'delete') rows.delete(key);
    else rows.set(key, Object.fromEntries(shape.columns.filter((c) => c.name in change.row).map((c) => [c.name, change.row[c.name]])));
    next.set(change.table, rows);
  }
  return next;
}
