import { z } from "zod";
import { Citations } from "./citation";
import { Score100, judged } from "./judgement";
import { Id, IdList, Text } from "./primitives";

export const InstrumentKind = z.enum([
  "sanctions",
  "financial",
  "recognition",
  "aid",
  "military",
  "access",
  "diplomatic",
  "intelligence",
  "economic",
  "militant-proxies",
  "other",
]);

export const LeverageStatus = z.enum(["in-use", "available", "proposed", "threatened"]);

/** An instrument one actor holds over another, what it is meant to achieve and what it costs. */
export const Leverage = z.strictObject({
  id: Id,
  holderId: Id,
  targetId: Id,
  instrument: Text,
  instrumentKind: InstrumentKind,
  aim: Text,
  cost: Text,
  status: LeverageStatus,
  strength: judged(Score100).optional(),
  risksCooperationAreaIds: IdList.describe("Cooperation areas that using this instrument puts at risk."),
  citations: Citations,
});
export type Leverage = z.infer<typeof Leverage>;
