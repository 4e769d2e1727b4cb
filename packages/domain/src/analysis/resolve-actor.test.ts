import { describe, expect, it } from "vitest";
import { smallTheatre, thrownBy } from "../../test/fixtures";
import { AnalysisError } from "./analysis-error";
import { resolveActor, resolveActors } from "./resolve-actor";
import { indexTheatre } from "./theatre-index";

function theatreWithTwins() {
  const document = smallTheatre();
  document.actors.push({ ...document.actors[0]!, id: "capital-2", name: "Capital", aliases: [] });
  return indexTheatre(document);
}

function errorOf(run: () => unknown): AnalysisError {
  const error = thrownBy(run);
  if (error instanceof AnalysisError) return error;
  throw new Error(`expected an AnalysisError, got ${String(error)}`);
}

describe("resolveActor", () => {
  const index = indexTheatre(smallTheatre());

  it("finds an actor by id, name or alias, ignoring case, spacing and accents", () => {
    expect(resolveActor(index, "rebel-wing").id).toBe("rebel-wing");
    expect(resolveActor(index, "REBEL   Wing").id).toBe("rebel-wing");
    expect(resolveActor(index, "cap").id).toBe("capital");
    expect(resolveActor(index, "The Bróker").id).toBe("mediator");
  });

  it("lists the actors whose names contain an unknown name", () => {
    const error = errorOf(() => resolveActor(index, "rebel", "--target"));
    expect(error.field).toBe("--target");
    expect(error.message).toBe(
      '--target: no actor is called "rebel"; did you mean Rebels (rebels); Rebel wing (rebel-wing)?',
    );
    expect(error.candidates).toEqual(["rebels", "rebel-wing"]);
  });

  it("suggests a near miss when nothing contains the name", () => {
    const error = errorOf(() => resolveActor(index, "Mediatr"));
    expect(error.candidates).toEqual(["mediator"]);
  });

  it("says when nothing is close", () => {
    expect(errorOf(() => resolveActor(index, "Zzyzx")).message).toBe('actor: no actor is called "Zzyzx"');
  });

  it("refuses an ambiguous name and lists both actors", () => {
    const error = errorOf(() => resolveActor(theatreWithTwins(), "CAPITAL"));
    expect(error.message).toContain('"CAPITAL" is ambiguous: it names 2 actors');
    expect(error.candidates).toEqual(["capital", "capital-2"]);
  });

  it("refuses a blank name", () => {
    expect(errorOf(() => resolveActor(index, "  ")).message).toBe("actor: an actor name or id is required");
  });
});

describe("resolveActors", () => {
  const index = indexTheatre(smallTheatre());

  it("resolves every name, in order", () => {
    expect(resolveActors(index, ["Rebels", "CAP"]).map((actor) => actor.id)).toEqual(["rebels", "capital"]);
  });

  it("names the position of the name at fault", () => {
    expect(errorOf(() => resolveActors(index, ["Rebels", "Nobody"], "--actors")).field).toBe("--actors[1]");
  });

  it("refuses too few actors and the same actor twice", () => {
    expect(errorOf(() => resolveActors(index, ["Rebels"], "--actors", 2)).message).toBe(
      "--actors: name at least 2 actors",
    );
    expect(errorOf(() => resolveActors(index, ["capital", "CAP"], "--actors")).message).toBe(
      '--actors[1]: "CAP" is the same actor as "capital" (capital)',
    );
  });
});
