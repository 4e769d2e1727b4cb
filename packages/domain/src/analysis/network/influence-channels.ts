import type { RelationshipKind } from "../../model/relationship";

/**
 * Which way influence can travel along a relationship:
 * - `from-to`: the actor named `from` can act on `to` (a host on whom it shelters, a patron on its client);
 * - `to-from`: `to` acts on `from` (an organisation directs its branch, a patron its proxy);
 * - `both`: either party can act on the other (allies, parties to talks, members and the body they form).
 * A mediation (`mediates-between`) joins the mediator both ways to each of the two parties, not the parties
 * to each other.
 */
export type ChannelDirection = "from-to" | "to-from" | "both";

/** How one relationship kind carries influence, and whether it is used unless a caller chooses kinds. */
export interface InfluenceChannel {
  kind: RelationshipKind;
  direction: ChannelDirection;
  /** True for ties through which one actor can reach or move another; hostile ties are not, by default. */
  channelByDefault: boolean;
  /** Why the kind carries influence this way, in a sentence. */
  rule: string;
}

export const INFLUENCE_CHANNELS: Readonly<Record<RelationshipKind, InfluenceChannel>> = {
  hosts: channel("hosts", "from-to", true, "a host can act on whom it shelters"),
  supports: channel("supports", "from-to", true, "a supporter can act on whom it supports"),
  "patron-of": channel("patron-of", "from-to", true, "a patron can act on its client"),
  leads: channel("leads", "from-to", true, "a leader directs what it leads"),
  pressures: channel("pressures", "from-to", true, "pressure is influence by the one who applies it"),
  "branch-of": channel("branch-of", "to-from", true, "an organisation directs its branches"),
  "proxy-of": channel("proxy-of", "to-from", true, "a patron directs its proxy"),
  "faction-of": channel(
    "faction-of",
    "both",
    true,
    "a movement binds its factions, and a faction sways the movement",
  ),
  "member-of": channel(
    "member-of",
    "both",
    true,
    "a body binds its members, and members shape the body they form",
  ),
  "allied-with": channel("allied-with", "both", true, "allies can act on each other"),
  "cooperates-with": channel(
    "cooperates-with",
    "both",
    true,
    "partners in cooperation can act on each other",
  ),
  "engages-with": channel("engages-with", "both", true, "engagement is a channel open both ways"),
  "negotiates-with": channel("negotiates-with", "both", true, "parties to talks can act on each other"),
  "mediates-between": channel(
    "mediates-between",
    "both",
    true,
    "a mediator carries messages between itself and each party",
  ),
  "adversary-of": channel("adversary-of", "both", false, "hostility is not a channel unless chosen"),
  "rival-of": channel("rival-of", "both", false, "rivalry is not a channel unless chosen"),
  attacks: channel("attacks", "from-to", false, "an attack is not a channel unless chosen"),
};

export const DEFAULT_CHANNEL_KINDS: readonly RelationshipKind[] = Object.values(INFLUENCE_CHANNELS)
  .filter((entry) => entry.channelByDefault)
  .map((entry) => entry.kind);

/**
 * How a step of a path reads a relationship: `as-stated` when it goes from the actor that acts (`from`) to
 * one it acts on (`to`, or a mediation's other party), `reversed` when it goes the other way.
 */
export type StepDirection = "as-stated" | "reversed";

const REVERSED_VERBS: Partial<Record<RelationshipKind, string>> = {
  "branch-of": "has branch",
  "proxy-of": "has proxy",
  "faction-of": "has faction",
  "member-of": "has member",
  "mediates-between": "turns to mediator",
};

/** The verb a step shows: "hosts", or for a reversed part-of tie "has faction". */
export function stepVerb(kind: RelationshipKind, direction: StepDirection): string {
  return direction === "reversed" ? (REVERSED_VERBS[kind] ?? kind) : kind;
}

function channel(
  kind: RelationshipKind,
  direction: ChannelDirection,
  channelByDefault: boolean,
  rule: string,
): InfluenceChannel {
  return { kind, direction, channelByDefault, rule };
}
