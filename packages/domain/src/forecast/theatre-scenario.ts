import { AnalysisError } from "../analysis/analysis-error";
import { resolveActors } from "../analysis/resolve-actor";
import type { TheatreIndex } from "../analysis/theatre-index";
import type { Citation } from "../model/citation";
import type { Judged } from "../model/judgement";
import { closestMatch } from "../validation/suggest";
import type { BargainingScenario } from "./bargaining-scenario";

export interface TheatreScenarioOptions {
  /** One issue per dimension. */
  issueIds: readonly string[];
  /** Limit the table to these actors (ids, names or aliases); by default every actor with a position. */
  actors?: readonly string[];
  /** Capabilities (0-100) the analyst gives for this run, by actor id: judgements, overriding the theatre's. */
  capabilities?: Readonly<Record<string, number>>;
  /** A capability (0-100) for actors the theatre gives none: a judgement applied to each of them. */
  defaultCapability?: number;
}

/** Where one input of the forecast came from. */
export interface ForecastInput {
  actorId: string;
  field: "capability" | "position" | "salience";
  /** The issue a position or salience is on, or an issue-specific capability is for. */
  issueId?: string;
  value: number;
  /** A sourced fact, a judgement recorded in the theatre, or one the analyst gave for this run. */
  basis: "sourced" | "judgement" | "run-judgement";
  citations?: Citation[];
  rationale?: string;
  /** The theatre entry holding the value: an interest id, or the actor id for a capability. */
  entryId?: string;
}

export interface TheatreScenario {
  scenario: BargainingScenario;
  inputs: ForecastInput[];
  /** Actors left out, and why. */
  excluded: { actorId: string; reason: string }[];
}

/**
 * A bargaining scenario from a theatre: the actors holding a position on every chosen issue, with their
 * positions and saliences (salience 0-100 becomes 0-1) from their interests, and their capability on the
 * issue (an issue-specific score on a single issue, else the general one). With several issues an actor's
 * saliences are scaled down to add up to at most 1, as shares of its attention (KTAB's convention).
 */
export function scenarioFromTheatre(index: TheatreIndex, options: TheatreScenarioOptions): TheatreScenario {
  if (options.issueIds.length === 0) throw new AnalysisError("issues", "name at least one issue");
  const issues = options.issueIds.map((id, i) => {
    const issue = index.issues.get(id);
    if (!issue) {
      const ids = [...index.issues.keys()];
      const near = closestMatch(id, ids);
      throw new AnalysisError(
        `issues[${i}]`,
        `no issue "${id}"${near ? `; did you mean "${near}"?` : ""}`,
        ids,
      );
    }
    return issue;
  });
  if (new Set(options.issueIds).size !== options.issueIds.length)
    throw new AnalysisError("issues", "an issue is named twice");
  const chosen = options.actors
    ? resolveActors(index, options.actors, "actors", 2).map((actor) => actor.id)
    : [
        ...new Set(
          issues.flatMap((issue) => (index.positionsByIssue.get(issue.id) ?? []).map((i) => i.actorId)),
        ),
      ];
  for (const [actorId, score] of Object.entries(options.capabilities ?? {})) {
    if (!index.actors.has(actorId)) throw new AnalysisError("capabilities", `no actor "${actorId}"`);
    checkScore(`capabilities.${actorId}`, score);
  }
  if (options.defaultCapability !== undefined) checkScore("defaultCapability", options.defaultCapability);

  const inputs: ForecastInput[] = [];
  const excluded: TheatreScenario["excluded"] = [];
  const actors: BargainingScenario["actors"] = [];
  for (const actorId of chosen) {
    const actor = index.actors.get(actorId)!;
    const held = issues.map((issue) => index.positionsByActor.get(actorId)?.get(issue.id));
    const missing = issues.filter((_, d) => !held[d]).map((issue) => issue.id);
    if (missing.length > 0) {
      excluded.push({ actorId, reason: `holds no position on ${missing.join(", ")}` });
      continue;
    }
    const capability = capabilityOf(index, actorId, issues.length === 1 ? issues[0]!.id : undefined, options);
    if (!capability) {
      excluded.push({
        actorId,
        reason: "has no capability in the theatre (give one with capabilities or defaultCapability)",
      });
      continue;
    }
    inputs.push(capability);
    const rawSaliences = held.map((interest) => interest!.salience.value / 100);
    const total = rawSaliences.reduce((sum, s) => sum + s, 0);
    const share = issues.length > 1 && total > 1 ? 1 / total : 1;
    held.forEach((interest, d) => {
      inputs.push(provenance(actorId, "position", issues[d]!.id, interest!.position.value, interest!.id));
      inputs.push(provenance(actorId, "salience", issues[d]!.id, interest!.salience, interest!.id));
    });
    actors.push({
      id: actor.id,
      name: actor.name,
      description: actor.kind,
      capability: capability.value,
      position: held.map((interest) => interest!.position.value.value),
      salience: rawSaliences.map((s) => s * share),
    });
  }
  if (actors.length < 2)
    throw new AnalysisError(
      "issues",
      `fewer than two actors can bargain on ${options.issueIds.join(", ")}: ${excluded.map((e) => `${e.actorId} ${e.reason}`).join("; ") || "no actor holds a position"}`,
    );
  return {
    scenario: {
      name: issues.map((issue) => issue.name).join(" × "),
      description: issues.map((issue) => issue.question).join(" "),
      dimensions: issues.map((issue) => ({ name: issue.name, min: issue.scale.min, max: issue.scale.max })),
      actors,
    },
    inputs,
    excluded,
  };
}

function capabilityOf(
  index: TheatreIndex,
  actorId: string,
  issueId: string | undefined,
  options: TheatreScenarioOptions,
): ForecastInput | undefined {
  const given = options.capabilities?.[actorId];
  if (given !== undefined) return { actorId, field: "capability", value: given, basis: "run-judgement" };
  const capabilities = index.actors.get(actorId)!.capabilities;
  const onIssue = issueId === undefined ? undefined : capabilities.find((c) => c.issueId === issueId);
  const found = onIssue ?? capabilities.find((c) => c.issueId === undefined);
  if (found) return { ...provenance(actorId, "capability", found.issueId, found.score, actorId) };
  if (options.defaultCapability !== undefined)
    return { actorId, field: "capability", value: options.defaultCapability, basis: "run-judgement" };
  return undefined;
}

function provenance(
  actorId: string,
  field: ForecastInput["field"],
  issueId: string | undefined,
  judged: Judged<number>,
  entryId: string,
): ForecastInput {
  const input: ForecastInput = { actorId, field, value: judged.value, basis: judged.basis, entryId };
  if (issueId !== undefined) input.issueId = issueId;
  if (judged.basis === "sourced") input.citations = judged.citations;
  else input.rationale = judged.rationale;
  return input;
}

function checkScore(field: string, score: number): void {
  if (typeof score !== "number" || !Number.isFinite(score) || score < 0 || score > 100)
    throw new AnalysisError(field, `must be a number from 0 to 100; got ${String(score)}`);
}
