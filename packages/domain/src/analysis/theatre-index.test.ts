import { describe, expect, it } from "vitest";
import { smallTheatre } from "../../test/fixtures";
import { AnalysisError } from "./analysis-error";
import { indexTheatre, lookup } from "./theatre-index";

describe("indexTheatre", () => {
  const index = indexTheatre(smallTheatre());
  const ids = (list: readonly { id: string }[] | undefined) => (list ?? []).map((entry) => entry.id);

  it("finds positions by actor and by issue", () => {
    expect(index.positionsByActor.get("capital")?.get("autonomy")?.id).toBe("capital-unity");
    expect(ids(index.positionsByIssue.get("autonomy"))).toEqual(["capital-unity", "rebels-autonomy"]);
    expect(ids(index.interestsByActor.get("capital"))).toEqual(["capital-unity", "capital-peace"]);
  });

  it("files a mediation under the mediator and both parties", () => {
    for (const actor of ["mediator", "capital", "rebels"])
      expect(ids(index.relationshipsByActor.get(actor))).toContain("mediator-mediates");
  });

  it("finds an actor's parts", () => {
    expect(ids(index.childrenByActor.get("rebels"))).toEqual(["rebel-wing"]);
  });
});

describe("lookup", () => {
  const index = indexTheatre(smallTheatre());

  it("names the field and suggests the nearest id", () => {
    expect(() => lookup(index.issues, "autonomyy", "issueIds[0]", "issue")).toThrow(
      new AnalysisError("issueIds[0]", 'unknown issue "autonomyy" (did you mean "autonomy"?)', ["autonomy"]),
    );
    expect(lookup(index.issues, "autonomy", "issueId", "issue").name).toBe("Autonomy");
  });
});
