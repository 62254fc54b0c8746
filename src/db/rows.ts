import type { Tables } from './schema.generated.ts';

/**
 * Each field of `Row` against table `T` of the migrated schema (src/db/schema.generated.ts):
 * `unknown` when the field is a column and the column's type as the drivers return it is
 * assignable to the field's (a JSON column may be narrowed by the module that owns it), else what
 * disagrees, named.
 */
type Proof<T extends keyof Tables, Row> = {
  [K in keyof Row]: K extends keyof Tables[T]
    ? unknown extends Tables[T][K]
      ? unknown
      : [Tables[T][K]] extends [Row[K]]
        ? unknown
        : { column: K; inDatabase: Tables[T][K]; declared: Row[K] }
    : { notAColumnOf: T; field: K };
};

/**
 * Compile-time proof that a hand-written row type agrees with its table: `true`, or the fields
 * that disagree, named (src/db/rows.check.ts proves the modules' `…Row` types with it).
 */
export type RowCheck<T extends keyof Tables, Row> = { [K in keyof Row]-?: unknown extends Proof<T, Row>[K] ? true : Proof<T, Row>[K] }[keyof Row];

/**
 * `Row`, proved against table `T` where it is written: `rows<RowOf<'units', { id: string; name: string }>>(…)`
 * fails to compile, naming the field, when a field is not a column of `T` or the column's type is
 * not assignable to the field's. A query's fields from several tables are an intersection, one
 * `RowOf` a table, and what the query computes joins it as `Computed<…>`.
 */
export type RowOf<T extends keyof Tables, Row extends Proof<T, Row>> = Row;

/**
 * Fields with no column to prove them against: computed in SQL (counts, expressions, JSON built
 * by a sub-query), renamed by an alias, read from the catalogue, or not null only because of the
 * query's `where` (say which where it is not obvious). src/db/rows.test.ts fails on a row type
 * written inline without `RowOf` or `Computed`.
 */
export type Computed<Row extends object> = Row;
