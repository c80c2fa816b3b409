// Parsing what people and Slack send, at the edge: numbers are decimal
// integers only. z.coerce.number() (and Number()) also accept "1e1", "0x1b",
// " 12 " and "", which a forged request used to slip past the checks.
import { z } from "zod";

/** A decimal integer typed as text ("42"; not "1e1", "0x2a", "4.0" or "+4"), within [min, max]. */
export function decimalInt(min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** A database id (PostgreSQL integer) as Slack carries it in option and button values. */
export const IdValue = decimalInt(1, 2_147_483_647);
