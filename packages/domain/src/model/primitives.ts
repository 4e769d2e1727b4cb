import { z } from "zod";

/** A stable identifier: a lower-case slug such as "is-kp" or "us-taliban-counterterrorism". */
export const Id = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be a lower-case slug such as "is-kp" (letters, digits, single hyphens)',
  )
  .max(80);
export type Id = z.infer<typeof Id>;

/** Free text that must say something. */
export const Text = z
  .string()
  .regex(/\S/, "must not be blank")
  .refine(
    (text) => !hasControlCharacter(text),
    "must not contain control characters (other than tabs and line breaks)",
  );

/** C0 controls but tab, line feed and carriage return, and DEL: never part of a text, and PostgreSQL cannot store U+0000. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

export const IdList = z.array(Id).default([]);
