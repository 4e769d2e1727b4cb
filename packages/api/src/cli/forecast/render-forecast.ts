import type {
  AnyForecast,
  BargainingScenario,
  ForecastInput,
  Sensitivity,
  TheatreScenario,
} from "@parley/domain";

const ROUNDS_PER_BLOCK = 10;
const MODEL_NAMES = {
  eu: "expected-utility model (Bueno de Mesquita, as specified by Scholz, Calbert & Smith 2011)",
  spatial: "spatial model (KTAB's Spatial Model of Politics)",
};

/** The forecast as text: inputs, per-round positions on each dimension, the outcome and its sensitivity. */
export function renderForecast(
  scenario: BargainingScenario,
  forecast: AnyForecast,
  extra: { inputs?: ForecastInput[]; excluded?: TheatreScenario["excluded"]; sensitivity?: Sensitivity },
): string {
  const names = scenario.actors.map((actor) => actor.name);
  const lines = [
    `${scenario.name}: ${MODEL_NAMES[forecast.model]}`,
    `${scenario.actors.length} actors on ${scenario.dimensions.length} dimension${scenario.dimensions.length === 1 ? "" : "s"}; ` +
      `stopped after ${forecast.stop.rounds} round${forecast.stop.rounds === 1 ? "" : "s"} (${describeStop(forecast.stop.reason)})`,
  ];
  if (extra.inputs) lines.push("", ...renderInputs(extra.inputs, extra.excluded ?? []));
  scenario.dimensions.forEach((dimension, d) => {
    lines.push("", `Positions on "${dimension.name}" (${dimension.min} to ${dimension.max}), by round:`);
    lines.push(...positionTable(names, forecast, d));
  });
  if (forecast.model === "eu") lines.push("", ...renderMoves(names, forecast));
  const last = forecast.rounds.at(-1)! as { prevailing?: number[] };
  if (last.prevailing) {
    const ranked = names
      .map((name, i) => ({ name, p: last.prevailing![i]! }))
      .sort((a, b) => b.p - a.p)
      .slice(0, 10);
    lines.push(
      "",
      "Most likely to prevail in the last round:",
      ...ranked.map(({ name, p }) => `  ${name}: ${p.toFixed(3)}`),
    );
  }
  lines.push(
    "",
    `Outcome: ${scenario.dimensions.map((dimension, d) => `${dimension.name} ${format(forecast.outcome[d]!)}`).join("; ")}` +
      (forecast.model === "eu"
        ? " (weighted median after the last round)"
        : " (the last round's positions weighted by their probability of prevailing)"),
  );
  if (extra.sensitivity) lines.push("", ...renderSensitivity(names, scenario, extra.sensitivity));
  return lines.join("\n");
}

function describeStop(reason: AnyForecast["stop"]["reason"]): string {
  if (reason === "stable") return "no actor moved";
  if (reason === "converged") return "positions converged";
  return "the round limit";
}

function renderInputs(inputs: ForecastInput[], excluded: TheatreScenario["excluded"]): string[] {
  const count = (basis: ForecastInput["basis"]) => inputs.filter((input) => input.basis === basis).length;
  const lines = [
    `Inputs: ${count("sourced")} sourced facts, ${count("judgement")} analyst judgements recorded in the theatre, ` +
      `${count("run-judgement")} judgements given for this run (--json lists each with its citations or rationale)`,
  ];
  for (const { actorId, reason } of excluded) lines.push(`  left out: ${actorId} ${reason}`);
  return lines;
}

function positionTable(names: string[], forecast: AnyForecast, d: number): string[] {
  const width = Math.max(5, ...names.map((name) => name.length));
  const lines: string[] = [];
  for (let first = 0; first < forecast.rounds.length; first += ROUNDS_PER_BLOCK) {
    const block = forecast.rounds.slice(first, first + ROUNDS_PER_BLOCK);
    lines.push(
      `  ${"round".padEnd(width)} ${block.map((round) => String(round.round).padStart(7)).join("")}`,
    );
    names.forEach((name, i) =>
      lines.push(
        `  ${name.padEnd(width)} ${block.map((round) => format(round.positions[i]![d]!).padStart(7)).join("")}`,
      ),
    );
    if (forecast.model === "eu") {
      const rounds = block as typeof forecast.rounds;
      lines.push(
        `  ${"median".padEnd(width)} ${rounds.map((round) => format(round.median[d]!).padStart(7)).join("")}`,
      );
      lines.push(
        `  ${"mean".padEnd(width)} ${rounds.map((round) => format(round.mean[d]!).padStart(7)).join("")}`,
      );
    }
  }
  return lines;
}

function renderMoves(names: string[], forecast: AnyForecast & { model: "eu" }): string[] {
  const lines = ["Moves (each actor takes the best offer it faces):"];
  for (const round of forecast.rounds.slice(1)) {
    const moves = round.moves.map(
      (move) =>
        `${names[move.actor]} ${move.kind === "confrontation" ? "loses a confrontation to" : move.kind === "compromise" ? "compromises with" : "capitulates to"} ` +
        `${names[move.towards]} (${format(move.from)} → ${format(move.to)})`,
    );
    lines.push(`  round ${round.round}: ${moves.join("; ") || "no moves"}`);
  }
  return lines;
}

function renderSensitivity(
  names: string[],
  scenario: BargainingScenario,
  sensitivity: Sensitivity,
): string[] {
  const lines = [
    `Sensitivity: ${sensitivity.runs} runs with capabilities ×[${format(1 - sensitivity.capabilitySpread)}, ${format(1 + sensitivity.capabilitySpread)}] ` +
      `and saliences ±${format(sensitivity.salienceSpread)} (seed ${sensitivity.seed})`,
  ];
  for (const d of sensitivity.distribution)
    lines.push(
      `  ${d.dimension}: baseline ${format(d.baseline)}; mean ${format(d.mean)} ± ${format(d.standardDeviation)}; ` +
        `5-95% ${format(d.p5)} to ${format(d.p95)}; range ${format(d.min)} to ${format(d.max)}`,
    );
  if (sensitivity.removals.length > 0) {
    const byId = new Map(scenario.actors.map((actor, i) => [actor.id, names[i]!]));
    lines.push("  Without one actor (largest shifts first):");
    for (const removal of sensitivity.removals.slice(0, 10))
      lines.push(
        `    ${byId.get(removal.actorId)}: ${removal.outcome.map(format).join(", ")} (shift ${removal.shift.map((s) => (s >= 0 ? "+" : "") + format(s)).join(", ")})`,
      );
  }
  return lines;
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
