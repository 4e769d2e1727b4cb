import { describe, expect, it } from "vitest";
import { smallTheatre } from "../../test/fixtures/small-theatre";
import { formatProblem } from "../validation/problem";
import { validateTheatre } from "../validation/validate-theatre";

describe("a criterion's veto", () => {
  const withVeto = (value: number) => {
    const theatre = smallTheatre();
    theatre.options[0]!.criteria[0]!.veto = { basis: "judgement", value, rationale: "A floor." };
    return validateTheatre(theatre);
  };

  it("is accepted on the criterion's scale, ends included", () => {
    expect(withVeto(0).ok).toBe(true);
    expect(withVeto(10).ok).toBe(true);
  });

  it("is reported, with its path, when it lies off the criterion's scale", () => {
    const result = withVeto(11);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map(formatProblem)).toEqual([
        'options[0].criteria[0].veto.value: 11 is outside the scale of criterion "access" (0 to 10)',
      ]);
  });
});
