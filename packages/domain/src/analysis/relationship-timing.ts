import { earliestDay, latestDay, type PartialDate } from "../model/partial-date";
import type { Relationship } from "../model/relationship";

/**
 * Whether a tie holds at a date, given partial dates: "ended" only if it certainly ended before the
 * date, "not-yet-started" only if it certainly began after it; otherwise "current".
 */
export function relationshipTiming(
  relationship: Relationship,
  date: PartialDate,
): "current" | "ended" | "not-yet-started" {
  if (relationship.end !== undefined && latestDay(relationship.end) < earliestDay(date)) return "ended";
  if (relationship.start !== undefined && earliestDay(relationship.start) > latestDay(date))
    return "not-yet-started";
  return "current";
}

export function isCurrentAt(relationship: Relationship, date: PartialDate): boolean {
  return relationshipTiming(relationship, date) === "current";
}
