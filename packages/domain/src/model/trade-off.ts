import { z } from "zod";
import { Citations, Statement } from "./citation";
import { Id, IdList, Text } from "./primitives";

/** Two imperatives that pull against each other. */
export const TradeOff = z.strictObject({
  id: Id,
  name: Text,
  description: Text,
  imperatives: z.array(Statement).length(2, "a trade-off sets exactly two imperatives against each other"),
  actorIds: IdList.describe("The actors who face the trade-off."),
  leverageIds: IdList,
  cooperationAreaIds: IdList,
  citations: Citations,
});
export type TradeOff = z.infer<typeof TradeOff>;
