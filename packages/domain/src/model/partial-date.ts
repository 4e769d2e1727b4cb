import { z } from "zod";

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A date known to the year, the month or the day: "2015", "2021-08", "2021-08-15".
 * Sources often give only a year or a month; the model keeps the precision they give.
 */
export const PartialDate = z
  .string()
  .regex(PARTIAL_DATE, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD (e.g. "2021-08-15")')
  .refine(isRealDate, "is not a real calendar date");
export type PartialDate = z.infer<typeof PartialDate>;

function isRealDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return true; // the regex reports it
  const [, , month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return false;
  if (day !== undefined) return Number(day) >= 1 && Number(day) <= daysInMonth(value);
  return true;
}

function daysInMonth(value: string): number {
  const [year, month] = value.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day a partial date can mean: "2021" -> "2021-01-01". */
export function earliestDay(date: PartialDate): string {
  const [year, month = "01", day = "01"] = date.split("-");
  return `${year}-${month}-${day}`;
}

/** The last day a partial date can mean: "2021-02" -> "2021-02-28". */
export function latestDay(date: PartialDate): string {
  const [year, month, day] = date.split("-");
  if (month === undefined) return `${year}-12-31`;
  if (day === undefined) return `${year}-${month}-${String(daysInMonth(date)).padStart(2, "0")}`;
  return date;
}

/** True when `end` certainly lies before `start`, whatever days the partial dates stand for. */
export function endsBeforeStart(start: PartialDate, end: PartialDate): boolean {
  return latestDay(end) < earliestDay(start);
}
