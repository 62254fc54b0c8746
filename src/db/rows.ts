import type { Tables } from './schema.generated.ts';

/**
 * Compile-time proof that a hand-written row type agrees with its table in the migrated schema
 * (src/db/schema.generated.ts): every field is a column, and the column's type as the drivers
 * return it is assignable to the field's (a JSON column may be narrowed by the module that owns
 * it). `true`, or the first field that disagrees, named, so that `RowOf<…>` below fails to compile.
 */
export type RowCheck<T extends keyof Tables, Row> = {
  [K in keyof Row]-?: K extends keyof Tables[T]
    ? unknown extends Tables[T][K]
      ? true
      : [Tables[T][K]] extends [Row[K]]
        ? true
        : { column: K; inDatabase: Tables[T][K]; declared: Row[K] }
    : { notAColumnOf: T; field: K };
}[keyof Row];

/** `Row`, once RowCheck has proved it against table `T` (use it where the row type is declared). */
export type RowOf<T extends keyof Tables, Row extends object, _Proof extends true = RowCheck<T, Row> extends true ? true : never> = Row;
