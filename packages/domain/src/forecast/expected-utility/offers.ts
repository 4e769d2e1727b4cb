/** How a challenge between two actors would end, seen by the one being challenged. */
export type OfferKind = "confrontation" | "compromise" | "capitulation";

export interface Offer {
  kind: OfferKind;
  /** The actor whose position is on offer. */
  from: number;
  /** Where the receiving actor would move. */
  position: number;
  /** The receiver's expected utility of challenging `from`, and of `from` challenging it, both as it sees them. */
  ownGain: number;
  otherGain: number;
}

/**
 * Scholz et al.'s classification of the pair (i, j) from i's side, with eij = E^i(U_ij) and eji = E^i(U_ji):
 * both expect to gain and j more → i loses the confrontation and moves to j; j gains, i loses less than j
 * gains → i compromises part of the way, in proportion |eij / eji|; j gains, i loses more → i capitulates.
 */
export function classifyOffer(
  from: number,
  ownPosition: number,
  otherPosition: number,
  eij: number,
  eji: number,
): Offer | undefined {
  if (eji > eij && eij > 0)
    return { kind: "confrontation", from, position: otherPosition, ownGain: eij, otherGain: eji };
  if (eji > 0 && eij < 0) {
    if (eji > -eij) {
      const position = ownPosition + (otherPosition - ownPosition) * Math.abs(eij / eji);
      return { kind: "compromise", from, position, ownGain: eij, otherGain: eji };
    }
    if (eji < -eij)
      return { kind: "capitulation", from, position: otherPosition, ownGain: eij, otherGain: eji };
  }
  return undefined;
}

/**
 * The offer i accepts: a lost confrontation first, then a compromise, then a capitulation; within a kind
 * the one that moves it least. For compromises the published code ranks by the gain-weighted point between
 * the two positions (lowest first) rather than by the distance moved; we follow the code, whose results
 * the paper reports. Ties go to the earlier actor.
 */
export function chooseOffer(
  offers: readonly Offer[],
  ownPosition: number,
  receiverPosition: (from: number) => number,
): Offer | undefined {
  for (const kind of ["confrontation", "compromise", "capitulation"] as const) {
    let best: Offer | undefined;
    let bestKey = Infinity;
    for (const offer of offers) {
      if (offer.kind !== kind) continue;
      const key =
        kind === "compromise"
          ? (Math.abs(offer.ownGain) * ownPosition +
              Math.abs(offer.otherGain) * receiverPosition(offer.from)) /
            (Math.abs(offer.ownGain) + Math.abs(offer.otherGain))
          : Math.abs(ownPosition - offer.position);
      if (key < bestKey) {
        best = offer;
        bestKey = key;
      }
    }
    if (best) return best;
  }
  return undefined;
}
