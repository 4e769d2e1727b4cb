import { z } from "zod";
import { Actor } from "./actor";
import { CooperationArea } from "./cooperation-area";
import { Event } from "./event";
import { Figure } from "./figure";
import { Interest } from "./interest";
import { Issue } from "./issue";
import { Leverage } from "./leverage";
import { OptionSet } from "./option";
import { Relationship } from "./relationship";
import { Scenario } from "./scenario";
import { Source } from "./source";
import { Theatre } from "./theatre";
import { TradeOff } from "./trade-off";

/** The schema of each collection of a theatre document, by its key. */
export const collectionSchemas = {
  sources: Source,
  actors: Actor,
  issues: Issue,
  interests: Interest,
  relationships: Relationship,
  cooperationAreas: CooperationArea,
  leverage: Leverage,
  tradeOffs: TradeOff,
  scenarios: Scenario,
  options: OptionSet,
  events: Event,
  figures: Figure,
} as const;

export type CollectionKey = keyof typeof collectionSchemas;
export const collectionKeys = Object.keys(collectionSchemas) as CollectionKey[];

/** A whole theatre as one document: the import/export format. */
export const TheatreDocument = z
  .strictObject({
    theatre: Theatre,
    sources: z.array(Source).default([]),
    actors: z.array(Actor).default([]),
    issues: z.array(Issue).default([]),
    interests: z.array(Interest).default([]),
    relationships: z.array(Relationship).default([]),
    cooperationAreas: z.array(CooperationArea).default([]),
    leverage: z.array(Leverage).default([]),
    tradeOffs: z.array(TradeOff).default([]),
    scenarios: z.array(Scenario).default([]),
    options: z.array(OptionSet).default([]),
    events: z.array(Event).default([]),
    figures: z.array(Figure).default([]),
  })
  .meta({ id: "TheatreDocument", title: "Parley theatre document" });
export type TheatreDocument = z.infer<typeof TheatreDocument>;
