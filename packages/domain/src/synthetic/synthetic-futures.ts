import type { Event } from "../model/event";
import type { Figure } from "../model/figure";
import type { Criterion, OptionSet } from "../model/option";
import type { IndicatorStatus, Scenario } from "../model/scenario";
import type { Relationship } from "../model/relationship";
import type { SyntheticActor, SyntheticContext } from "./synthetic-context";

const INDICATOR_STATUSES: readonly (readonly [IndicatorStatus, number])[] = [
  ["not-observed", 3],
  ["emerging", 3],
  ["observed", 2],
  ["receding", 1],
  ["unknown", 1],
];
const SCENARIO_THEMES = [
  "Fragmentation of the ruling movement",
  "Unification of the opposition",
  "Insurrection by rival militants",
  "External support for insurgents",
  "Regional rapprochement",
  "Economic collapse",
];
const CRITERIA = ["Cost", "Legal risk", "Speed", "Reach", "Political support", "Local acceptance"];

/** Well-tied actors: the ends of randomly drawn ties, so hubs come up more often. */
function prominentActors(
  context: SyntheticContext,
  byId: ReadonlyMap<string, SyntheticActor>,
  relationships: readonly Relationship[],
  count: number,
): SyntheticActor[] {
  const chosen = new Set<SyntheticActor>();
  for (let attempt = 0; chosen.size < count && attempt < count * 10; attempt++) {
    const tie = context.random.pick(relationships);
    chosen.add(byId.get(context.random.chance(0.5) ? tie.from : tie.to)!);
  }
  return [...chosen];
}

/** Scenarios with drivers, 4-8 weighted indicators (some with dated evidence) and consequences. */
export function syntheticScenarios(
  context: SyntheticContext,
  actors: readonly SyntheticActor[],
  relationships: readonly Relationship[],
  count: number,
): Scenario[] {
  const { random } = context;
  const byId = new Map(actors.map((entry) => [entry.actor.id, entry]));
  return Array.from({ length: count }, (_, i) => {
    const name = `${SCENARIO_THEMES[i % SCENARIO_THEMES.length]} ${i + 1}`;
    const involved = prominentActors(context, byId, relationships, random.integer(3, 8));
    return {
      id: `scenario-${i + 1}`,
      name,
      description: `A synthetic scenario: ${name.toLowerCase()}.`,
      drivers: Array.from({ length: random.integer(1, 3) }, (_, d) =>
        context.statement(`Driver ${d + 1} of ${name.toLowerCase()}.`),
      ),
      indicators: Array.from({ length: random.integer(4, 8) }, (_, k) => {
        const text = `Signpost ${k + 1} of ${name.toLowerCase()}`;
        return {
          id: `indicator-${k + 1}`,
          text,
          direction: random.chance(0.8) ? ("raises" as const) : ("lowers" as const),
          weight: context.judgement(random.integer(1, 10) / 10),
          status: context.judgedOrSourced(random.weighted(INDICATOR_STATUSES), `${text} was reported.`, 0.4),
          evidence: Array.from({ length: random.integer(0, 2) }, (_, e) => ({
            text: `Report ${e + 1} on ${text.toLowerCase()}.`,
            date: context.partialDate(2022, 2024),
            citations: context.cite(`Report ${e + 1} on ${text.toLowerCase()}.`),
          })),
          citations: context.cite(`Watch for ${text.toLowerCase()}.`),
        };
      }),
      likelihood: context.judgement(random.integer(5, 60)),
      consequences: Array.from({ length: random.integer(1, 3) }, () => {
        const affected = random.pick(involved);
        const interest = random.pick(affected.interests);
        const text = `${affected.actor.name} would lose ground: ${interest.objective}.`;
        return {
          text,
          actorIds: [affected.actor.id],
          interestIds: [interest.id],
          citations: context.cite(text),
        };
      }),
      actorIds: involved.map((entry) => entry.actor.id),
      citations: context.cite(`${name} is possible.`),
    };
  });
}

/** Option sets of 3-5 weighted criteria and 3-6 options, each option scored on every criterion. */
export function syntheticOptionSets(
  context: SyntheticContext,
  actors: readonly SyntheticActor[],
  relationships: readonly Relationship[],
  count: number,
): OptionSet[] {
  const { random } = context;
  const byId = new Map(actors.map((entry) => [entry.actor.id, entry]));
  return Array.from({ length: count }, (_, i) => {
    const deciders = prominentActors(context, byId, relationships, random.integer(1, 2));
    const criteria: Criterion[] = random.sample(CRITERIA, random.integer(3, 5)).map((name) => {
      const max = random.chance(0.5) ? 10 : 100;
      return {
        id: name.toLowerCase().replace(/ /g, "-"),
        name,
        description: `${name} of the option.`,
        weight: context.judgement(random.integer(1, 10) / 10),
        scale: { min: 0, max, minLabel: "low", maxLabel: "high" },
        higherIsBetter: name !== "Cost" && name !== "Legal risk",
        citations: context.cite(`${name} matters to the choice.`),
      };
    });
    return {
      id: `option-set-${i + 1}`,
      name: `Choice ${i + 1} facing ${deciders[0]!.actor.name}`,
      question: `What should ${deciders[0]!.actor.name} do about choice ${i + 1}?`,
      decisionMakerIds: deciders.map((entry) => entry.actor.id),
      criteria,
      options: Array.from({ length: random.integer(3, 6) }, (_, k) => ({
        id: `option-${k + 1}`,
        name: `Option ${k + 1}`,
        description: `Course ${k + 1} for choice ${i + 1}.`,
        actorIds: random.sample(actors, random.integer(0, 2)).map((entry) => entry.actor.id),
        scores: criteria.map((criterion) => ({
          criterionId: criterion.id,
          value: context.judgement(random.integer(0, criterion.scale.max)),
        })),
        citations: context.cite(`Option ${k + 1} is on the table.`),
      })),
      citations: context.cite(`${deciders[0]!.actor.name} faces choice ${i + 1}.`),
    };
  });
}

export function syntheticEvents(
  context: SyntheticContext,
  actors: readonly SyntheticActor[],
  count: number,
): Event[] {
  const { random } = context;
  return Array.from({ length: count }, (_, i) => {
    const involved = random.sample(actors, random.integer(1, 4));
    const year = random.integer(2000, 2024);
    const text = `Event ${i + 1} involving ${involved.map((entry) => entry.actor.name).join(", ")}.`;
    return {
      id: `event-${i + 1}`,
      name: `Event ${i + 1}`,
      date: `${year}-${String(random.integer(1, 12)).padStart(2, "0")}`,
      ...(random.chance(0.2) && { endDate: `${random.integer(year + 1, 2025)}` }),
      description: text,
      actorIds: involved.map((entry) => entry.actor.id),
      citations: context.cite(text),
    };
  });
}

export function syntheticFigures(
  context: SyntheticContext,
  actors: readonly SyntheticActor[],
  count: number,
): Figure[] {
  const { random } = context;
  return Array.from({ length: count }, (_, i) => {
    const actor = random.pick(actors).actor;
    const value = random.integer(100, 20000);
    const ranged = random.chance(0.3);
    return {
      id: `figure-${i + 1}`,
      label: `Fighters of ${actor.name}`,
      value,
      ...(ranged && { upperValue: value + random.integer(0, 5000) }),
      unit: "people",
      approximate: ranged,
      date: context.partialDate(2020, 2024),
      actorIds: [actor.id],
      citations: context.cite(`${actor.name} has about ${value} fighters.`),
    };
  });
}
