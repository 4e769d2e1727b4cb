import type { InterestCategory } from "../model/interest";
import type { Issue } from "../model/issue";
import type { z } from "zod";
import { CAMP_NAMES, clamp, REGION_NAMES, slug, type SyntheticContext } from "./synthetic-context";

export interface Topic {
  slug: string;
  name: string;
  question: string;
  minLabel: string;
  maxLabel: string;
  /** The objective of an actor who wants the low end, then the high end. */
  goals: readonly [string, string];
  category: z.infer<typeof InterestCategory>;
}

export const TOPICS: Topic[] = [
  topic("border-trade", "Border trade", "How open should border crossings be", "closed", "fully open", ["Keep the crossings shut", "Open the crossings to trade"], "economic"),
  topic("amnesty", "Amnesty for fighters", "How broad should an amnesty be", "none", "general amnesty", ["Prosecute former fighters", "Win a general amnesty"], "political"),
  topic("foreign-troops", "Foreign troop presence", "How many foreign troops should stay", "full withdrawal", "large presence", ["Drive foreign troops out", "Keep foreign troops in place"], "security"),
  topic("sanctions-relief", "Sanctions relief", "How far should sanctions be lifted", "tighten", "lift all", ["Tighten sanctions", "Get sanctions lifted"], "economic"),
  topic("power-sharing", "Power sharing", "How much power should be shared", "winner takes all", "full sharing", ["Hold power alone", "Share power in a coalition"], "political"),
  topic("girls-schooling", "Girls' schooling", "How far should girls' schooling go", "banned", "all levels", ["Restrict girls' schooling", "Open every school to girls"], "rights"),
  topic("aid-access", "Humanitarian access", "How freely may aid agencies work", "barred", "unhindered", ["Control aid agencies", "Secure unhindered aid access"], "humanitarian"),
  topic("counter-militancy", "Action against militants", "How hard should militants be pursued", "tolerate", "eradicate", ["Shield allied militants", "Eradicate militant groups"], "counterterrorism"),
  topic("recognition", "Diplomatic recognition", "How far should the authorities be recognised", "isolation", "full recognition", ["Isolate the authorities", "Win full recognition"], "diplomatic"),
  topic("water-rights", "Water rights", "How should river water be shared", "upstream first", "equal shares", ["Keep the upstream share", "Share the river equally"], "regional-influence"),
  topic("mining", "Mining concessions", "How open should mining be to outsiders", "state monopoly", "open tender", ["Keep mines in state hands", "Open mines to investors"], "economic"),
  topic("refugee-return", "Refugee return", "How fast should refugees return", "no return", "immediate return", ["Delay refugee return", "Speed refugee return"], "humanitarian"),
  topic("religious-law", "Religious law", "How far should religious law govern", "secular code", "full religious law", ["Keep a secular code", "Impose religious law"], "ideological"),
  topic("press-freedom", "Press freedom", "How free should the press be", "state control", "fully free", ["Control the press", "Free the press"], "rights"),
  topic("narcotics", "Narcotics control", "How strictly should poppy be eradicated", "tolerate", "eradicate", ["Protect the poppy trade", "Eradicate poppy"], "security"),
  topic("elections", "Elections", "How soon should elections be held", "never", "within a year", ["Postpone elections", "Hold elections soon"], "political"),
  topic("regional-autonomy", "Regional autonomy", "How much autonomy should provinces have", "central rule", "self-rule", ["Rule from the centre", "Win provincial self-rule"], "political"),
  topic("arms-flows", "Arms flows", "How tightly should arms flows be controlled", "unrestricted", "embargo", ["Keep arms flowing", "Stop the arms flows"], "security"),
  topic("reserves", "Frozen reserves", "How much of the reserves should be released", "none", "all", ["Keep the reserves frozen", "Release the reserves"], "economic"),
  topic("mediation", "Third-party mediation", "How large a role should mediators have", "none", "lead role", ["Keep mediators out", "Give mediators the lead"], "diplomatic"),
]; // prettier-ignore

/** 200 issues: every topic in every region, each on a 0-100 scale. */
export function syntheticIssues(context: SyntheticContext, count: number): Issue[] {
  return Array.from({ length: count }, (_, i) => {
    const t = TOPICS[i % TOPICS.length]!;
    const region = REGION_NAMES[Math.floor(i / TOPICS.length) % REGION_NAMES.length]!;
    const round = Math.floor(i / (TOPICS.length * REGION_NAMES.length));
    const suffix = round > 0 ? ` ${round + 1}` : "";
    return {
      id: slug(`${t.slug} ${region}${suffix}`),
      name: `${t.name} in ${region}${suffix}`,
      question: `${t.question} in ${region}${suffix}?`,
      scale: { min: 0, max: 100, minLabel: t.minLabel, maxLabel: t.maxLabel },
      citations: context.cite(`${t.name} in ${region} is disputed.`),
    };
  });
}

/**
 * Three blocs of two camps each: a camp's ideal point on every issue lies near its bloc's, so camps of
 * one bloc align and blocs oppose. Each camp cares most about its own 40 focus issues.
 */
export function syntheticCamps(context: SyntheticContext, issueCount: number) {
  const { random } = context;
  const blocIdeals = [0, 1, 2].map(() => Array.from({ length: issueCount }, () => random.integer(5, 95)));
  return CAMP_NAMES.map((name, camp) => {
    const ideal = blocIdeals[camp >> 1]!.map((value) => clamp(Math.round(value + random.noise(12))));
    const focus = random.sample(
      Array.from({ length: issueCount }, (_, i) => i),
      Math.min(40, issueCount),
    );
    return { name, ideal, focus, focusSet: new Set(focus) };
  });
}
export type SyntheticCamp = ReturnType<typeof syntheticCamps>[number];

function topic(
  slug: string,
  name: string,
  question: string,
  minLabel: string,
  maxLabel: string,
  goals: readonly [string, string],
  category: Topic["category"],
): Topic {
  return { slug, name, question, minLabel, maxLabel, goals, category };
}
