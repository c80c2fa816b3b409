// Argument decoding shared by the methods. @slack/web-api sends arguments
// form-encoded with objects (blocks, view) as JSON strings and booleans as
// "true"/"false"; other clients send JSON bodies. Both decode to the same.
import { z } from "zod";

/** A JSON field: parsed when it came as a string, kept as it is otherwise. */
export const jsonField = z.preprocess((value) => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}, z.unknown());

export const flag = z.preprocess((value) => {
  if (value === "true" || value === "1" || value === 1) return true;
  if (value === "false" || value === "0" || value === 0 || value === "") return false;
  return value;
}, z.boolean());

export const integer = z.coerce.number().int();

/** Methods accept more arguments than the fake looks at. */
export const args = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
