import { forEachCitation } from "../model/for-each-citation";
import type { ActorKind } from "../model/actor";
import type { IndicatorStatus } from "../model/scenario";
import { collectionKeys, type CollectionKey, type TheatreDocument } from "../model/theatre-document";

export interface TheatreSummary {
  counts: Record<CollectionKey, number> & { positions: number; indicators: number; citations: number };
  actorsByKind: Partial<Record<ActorKind, number>>;
  citationsBySource: Record<string, number>;
  /** How many judged values rest on an analyst's judgement and how many on a cited source. */
  judgedValues: { judgement: number; sourced: number };
  cooperationAreas: { id: string; name: string; status: string; feasibility: number }[];
  scenarios: {
    id: string;
    name: string;
    likelihood: number;
    indicators: Partial<Record<IndicatorStatus, number>>;
  }[];
}

/** The figures an analyst wants first about a theatre: what it holds and how well it is sourced. */
export function summariseTheatre(document: TheatreDocument): TheatreSummary {
  const counts = Object.fromEntries(
    collectionKeys.map((key) => [key, document[key].length]),
  ) as TheatreSummary["counts"];
  counts.positions = document.interests.filter((interest) => interest.position).length;
  counts.indicators = document.scenarios.reduce((sum, scenario) => sum + scenario.indicators.length, 0);

  const citationsBySource: Record<string, number> = Object.fromEntries(
    document.sources.map((source) => [source.id, 0]),
  );
  let citations = 0;
  forEachCitation(document, [], (citation) => {
    citations++;
    citationsBySource[citation.sourceId] = (citationsBySource[citation.sourceId] ?? 0) + 1;
  });
  counts.citations = citations;

  const actorsByKind: TheatreSummary["actorsByKind"] = {};
  for (const actor of document.actors) actorsByKind[actor.kind] = (actorsByKind[actor.kind] ?? 0) + 1;

  return {
    counts,
    actorsByKind,
    citationsBySource,
    judgedValues: countJudgedValues(document),
    cooperationAreas: document.cooperationAreas
      .map((area) => ({
        id: area.id,
        name: area.name,
        status: area.status,
        feasibility: area.feasibility.value,
      }))
      .sort((a, b) => b.feasibility - a.feasibility || a.id.localeCompare(b.id)),
    scenarios: document.scenarios.map((scenario) => {
      const indicators: Partial<Record<IndicatorStatus, number>> = {};
      for (const indicator of scenario.indicators)
        indicators[indicator.status.value] = (indicators[indicator.status.value] ?? 0) + 1;
      return { id: scenario.id, name: scenario.name, likelihood: scenario.likelihood.value, indicators };
    }),
  };
}

function countJudgedValues(
  value: unknown,
  tally = { judgement: 0, sourced: 0 },
): { judgement: number; sourced: number } {
  if (Array.isArray(value)) {
    for (const item of value) countJudgedValues(item, tally);
  } else if (typeof value === "object" && value !== null) {
    const basis = (value as { basis?: unknown }).basis;
    if (basis === "judgement" || basis === "sourced") tally[basis]++;
    for (const child of Object.values(value)) countJudgedValues(child, tally);
  }
  return tally;
}
