import { describe, expect, it } from "vitest";
import { InvalidScenario } from "./bargaining-scenario";
import { parseScenarioCsv, ScenarioFileError } from "./scenario-csv";

const ktab = `Water,"Allocation of the river, by share",3,2,
Actor,Description,Power,Share Position,Share Salience,Dam Position,Dam Salience,
Upstream,"The ""upper"" state",80,90,60,100,30,
Downstream,Lower state,60,10,70,0,20,
Broker,Mediator,20,50,20,50,10,
`;

const bdm = "Actor,Capability,Position,Salience\r\nA,0.5,4,80\r\nB,0.3,10,40\r\nC,0.2,7,100\r\n";

function failure(text: string, options = {}): ScenarioFileError {
  try {
    parseScenarioCsv(text, options);
  } catch (error) {
    if (error instanceof ScenarioFileError) return error;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("parseScenarioCsv", () => {
  it("reads KTAB's layout: quoted fields, trailing commas, 0-100 saliences as shares", () => {
    const scenario = parseScenarioCsv(ktab);
    expect(scenario.name).toBe("Water");
    expect(scenario.description).toBe("Allocation of the river, by share");
    expect(scenario.dimensions).toEqual([
      { name: "Share Position", min: 0, max: 100 },
      { name: "Dam Position", min: 0, max: 100 },
    ]);
    expect(scenario.actors[0]).toEqual({
      id: "Upstream",
      name: "Upstream",
      description: 'The "upper" state',
      capability: 80,
      position: [90, 100],
      salience: [0.6, 0.3],
    });
  });

  it("reads the BDM layout with CRLF line ends, percentages as fractions, the positions' range as scale", () => {
    const scenario = parseScenarioCsv(bdm, { name: "test" });
    expect(scenario.name).toBe("test");
    expect(scenario.dimensions).toEqual([{ name: "Position", min: 4, max: 10 }]);
    expect(scenario.actors.map((actor) => actor.salience[0])).toEqual([0.8, 0.4, 1]);
    expect(
      parseScenarioCsv("\uFEFFname,power,salience,position\nA,1,0.5,1\nB,2,0.25,3\n").actors[1],
    ).toMatchObject({
      capability: 2,
      position: [3],
      salience: [0.25],
    });
  });

  it("names the line and field of every fault", () => {
    const cases: [string, RegExp][] = [
      ["", /line 1: the file is empty/],
      ["just words\n", /line 1: neither layout/],
      [
        ktab.replace("Lower state,60", "Lower state,sixty"),
        /line 4, field 3 \(Power\): "sixty" is not a number/,
      ],
      [
        ktab.replace("Mediator,20,50,20", "Mediator,20,150,20"),
        /line 5, field 4 \(Share Position\): 150 is outside 0 to 100/,
      ],
      [
        ktab.replace("90,60,100,30", "90,80,100,30"),
        /line 3: the saliences add up to 110; at most 100 in all/,
      ],
      [ktab.replace(",3,2,", ",4,2,"), /line 5: line 1 announces 4 actors; the file has 3/],
      [ktab.replace(",3,2,", ",2.5,2,"), /line 1, field 3 \(number of actors\): must be a whole number/],
      [
        ktab.replace("Broker,Mediator,20,50,20,50,10,", "Broker,Mediator,20,50,20,50"),
        /line 5, field 7 \(Dam Salience\): is missing/,
      ],
      [ktab.replace("Broker,", "Upstream,"), /line 5, field 1 \(Actor\): "Upstream" is already on line 3/],
      [`${ktab}Late,"never closed,1,1\n`, /line 6: a quoted field is never closed/],
      [bdm.replace("B,0.3", "B,-1"), /line 3, field 2 \(Capability\): must not be negative/],
      [bdm.replace("C,0.2,7,100", "C,0.2,7,140"), /line 4, field 4 \(Salience\): 140 is outside/],
      ["Actor,Capability,Salience\nA,1,1\nB,1,1\n", /line 1: no position column/],
      [
        "Actor,Capability,Position,Salience\nA,1,5,1\nB,1,5,1\n",
        /line 2, field 3 \(Position\): every actor stands at 5/,
      ],
      ["Actor,Capability,Position,Salience\nA,1,5,1\n", /at least two actors/],
    ];
    for (const [text, message] of cases) expect(failure(text).message).toMatch(message);
  });

  it("refuses a scenario no actor can weigh in, through the scenario's own checks", () => {
    expect(() => parseScenarioCsv("Actor,Capability,Position,Salience\nA,0,1,1\nB,0,3,1\n")).toThrow(
      InvalidScenario,
    );
  });

  it("follows --format over the guess", () => {
    expect(failure(bdm, { format: "ktab" }).message).toMatch(/line 1, field 3 \(number of actors\)/);
  });
});
