import { z } from 'zod';

/**
 * Schema pieces with the bounds the database and the domain really have, for route schemas: a
 * value outside them is a 400 at validation, not an error deep in a query or a calendar rule.
 * (The OpenAPI fuzz test, tests/integration/openapi-fuzz.test.ts, finds the places that need them.)
 */

/** A calendar date the domain's calendar and PostgreSQL both take: YYYY-MM-DD in 1900–2999. */
export const isoDate = () =>
  z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2999-12-31', {
    message: 'Ngày phải trong khoảng năm 1900–2999 / the date must fall within the years 1900–2999',
  });

/** An integer that fits a PostgreSQL `integer` column (32 bits), from a query string. */
export const int32FromQuery = () => z.coerce.number().int().min(-2_147_483_648).max(2_147_483_647);
