import { describe, expect, it } from "vitest";
import { smallTheatre } from "../../test/fixtures";
import { entityDetails } from "./entity-details";

describe("entityDetails", () => {
  it("resolves what an entry refers to, what refers to it, and its citations with their source", () => {
    const document = smallTheatre();
    const rebels = document.actors.find((a) => a.id === "rebels")!;
    const details = entityDetails(document, rebels);
    const referrers = details.referredToBy.map((r) => `${r.kind}/${r.id}`);
    expect(referrers).toEqual(
      expect.arrayContaining([
        "actors/rebel-wing",
        "interests/rebels-autonomy",
        "leverage/capital-sanctions",
      ]),
    );
    expect(details.citations[0]).toMatchObject({
      path: "citations[0]",
      sourceId: "report",
      source: { title: "A report on Ruritania" },
    });

    const interest = document.interests.find((i) => i.id === "rebels-autonomy")!;
    expect(entityDetails(document, interest).refersTo.map((r) => `${r.kind}/${r.id}`)).toEqual(
      expect.arrayContaining(["actors/rebels", "issues/autonomy", "sources/report"]),
    );
  });
});
