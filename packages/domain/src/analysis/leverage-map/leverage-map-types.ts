import type { ActorRef } from "../actor-ref";
import type { Actor } from "../../model/actor";
import type { Citation, Statement } from "../../model/citation";
import type { CooperationArea } from "../../model/cooperation-area";
import type { Judged } from "../../model/judgement";
import type { Leverage } from "../../model/leverage";

export interface LeverageMapQuery {
  targetId: string;
  /** Also map instruments aimed at (or held by) the target's factions, branches and agencies, recursively. */
  includeParts?: boolean;
}

/** A part of the queried actor (reached through `parentId` links), through which an instrument applies. */
export interface LeverageActorPart extends ActorRef {
  relation?: Actor["parentRelation"];
  /** Actor ids from the queried actor down to this part, both included. */
  path: string[];
}

/**
 * "stated": the theatre says so (the instrument lists the area, or the trade-off names the instrument or a
 * stated area). "inferred": only because holder and target both take part in the area.
 */
export type RiskBasis = "stated" | "inferred";

export interface AreaAtRisk {
  areaId: string;
  name: string;
  basis: RiskBasis;
}

export interface TradeOffAtStake {
  tradeOffId: string;
  name: string;
  basis: RiskBasis;
  /** The trade-off names this instrument among its `leverageIds`. */
  namesInstrument: boolean;
  /** The at-risk areas through which the trade-off is involved. */
  viaAreaIds: string[];
}

/** One instrument, who holds it over whom, and what using it puts at risk. */
export interface LeverageUse {
  leverageId: string;
  holder: ActorRef;
  target: ActorRef;
  /** Set when the instrument reaches the queried actor through one of its parts (holder or target). */
  part?: LeverageActorPart;
  instrument: string;
  instrumentKind: Leverage["instrumentKind"];
  aim: string;
  cost: string;
  status: Leverage["status"];
  /** 0 (no effect) to 100 (decisive), as the theatre judges it; absent when not assessed. */
  strength?: Judged<number>;
  areasAtRisk: AreaAtRisk[];
  tradeOffs: TradeOffAtStake[];
  citations: Citation[];
}

/** The instruments one party holds over the target (or the target holds over it). */
export interface LeveragePartySummary {
  actor: ActorRef;
  instruments: number;
  inUse: number;
  kinds: Leverage["instrumentKind"][];
  /** The strongest assessed instrument, 0-100. */
  strongest?: { leverageId: string; value: number };
  statedAreaIds: string[];
  tradeOffIds: string[];
}

/** A cooperation area some instrument in the map puts at risk. */
export interface LeverageAreaInPlay {
  areaId: string;
  name: string;
  field: CooperationArea["field"];
  status: CooperationArea["status"];
  /** 0 (impossible) to 100 (already working). */
  feasibility: Judged<number>;
  participantIds: string[];
  assessment: Statement;
  putAtRiskBy: { leverageId: string; basis: RiskBasis }[];
}

/** A trade-off some instrument in the map is involved in, with both of its imperatives. */
export interface LeverageTradeOffInPlay {
  tradeOffId: string;
  name: string;
  description: string;
  imperatives: Statement[];
  actorIds: string[];
  involves: { leverageId: string; basis: RiskBasis }[];
  citations: Citation[];
}

export interface LeverageMap {
  target: ActorRef & { kind: Actor["kind"] };
  includeParts: boolean;
  /** The parts searched besides the target itself (empty without `includeParts`). */
  parts: LeverageActorPart[];
  /** Instruments others hold over the target, grouped by holder (the order of `holders`). */
  over: LeverageUse[];
  holders: LeveragePartySummary[];
  /** Instruments the target holds over others, grouped by the actor pressed (the order of `pressed`). */
  heldByTarget: LeverageUse[];
  pressed: LeveragePartySummary[];
  /** Every area and trade-off referenced above, in order of first mention. */
  areas: LeverageAreaInPlay[];
  tradeOffs: LeverageTradeOffInPlay[];
}
