import { describe, expect, it } from "vitest";
import { earliestDay, endsBeforeStart, latestDay, PartialDate } from "./partial-date";

describe("PartialDate", () => {
  it.each(["2015", "2021-08", "2021-08-15", "2024-02-29"])("accepts %s", (date) => {
    expect(PartialDate.safeParse(date).success).toBe(true);
  });

  it.each(["2021-13", "2023-02-29", "2021-04-31", "2021-8", "15 August 2021", "2021-08-15T10:00"])(
    "rejects %s",
    (date) => {
      expect(PartialDate.safeParse(date).success).toBe(false);
    },
  );

  it("spans the days a partial date can mean", () => {
    expect([earliestDay("2021"), latestDay("2021")]).toEqual(["2021-01-01", "2021-12-31"]);
    expect([earliestDay("2024-02"), latestDay("2024-02")]).toEqual(["2024-02-01", "2024-02-29"]);
    expect([earliestDay("2021-08-15"), latestDay("2021-08-15")]).toEqual(["2021-08-15", "2021-08-15"]);
  });

  it("calls an end early only when it is certainly before the start", () => {
    expect(endsBeforeStart("2021-08-15", "2021-08-14")).toBe(true);
    expect(endsBeforeStart("2021-08", "2021-07-31")).toBe(true);
    expect(endsBeforeStart("2021-08-15", "2021-08")).toBe(false);
    expect(endsBeforeStart("2021", "2021-01")).toBe(false);
    expect(endsBeforeStart("2021-08", "2021-08")).toBe(false);
  });
});
