import { actorBrief, areaBrief, lookup, pairBrief, resolveActor, resolveActors } from "@parley/domain";
import { UsageError } from "../io";
import { type AnalysisCommand, list } from "./analysis-command";

export const briefAnalysis: AnalysisCommand = {
  usage: `brief (--actor ACTOR | --area AREA-ID | --pair "ACTOR,ACTOR")
  A Markdown brief on an actor, a cooperation area or a pair of actors: summary, interests, ties,
  opportunities, obstacles, leverage and relevant scenarios, with numbered footnotes quoting the sources.`,
  options: {
    actor: { type: "string" },
    area: { type: "string" },
    pair: { type: "string" },
  },
  run(index, values) {
    const chosen = ["actor", "area", "pair"].filter((name) => values[name] !== undefined);
    if (chosen.length !== 1) throw new UsageError("give exactly one of --actor, --area or --pair");
    const result =
      typeof values.actor === "string"
        ? actorBrief(index, resolveActor(index, values.actor, "--actor").id)
        : typeof values.area === "string"
          ? areaBrief(
              index,
              lookup(index.cooperationAreas, values.area.trim(), "--area", "cooperation area").id,
            )
          : pairBrief(
              index,
              resolveActors(index, pairOf(list(values, "pair")), "--pair", 2).map((actor) => actor.id),
            );
    return { result, text: result.markdown };
  },
};

function pairOf(names: string[] | undefined): string[] {
  if (!names || names.length !== 2)
    throw new UsageError('--pair takes exactly two actors: --pair "ACTOR,ACTOR"');
  return names;
}
