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
export const Text = z.string().regex(/\S/, "must not be blank");

export const IdList = z.array(Id).default([]);
