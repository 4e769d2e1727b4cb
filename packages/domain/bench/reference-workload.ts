import { SeededRandom } from "../src/seeded-random";

/**
 * A fixed piece of work of the kind the analyses do (string keys, maps, small objects, a sort), always
 * the same, so each figure can be given as a multiple of it: ratios stay comparable between noisy
 * machines and runs where raw milliseconds do not.
 */
export function referenceWorkload(): number {
  const random = new SeededRandom(1);
  const entries = new Map<string, { id: string; score: number; tags: string[] }>();
  for (let i = 0; i < 50_000; i++) {
    const id = `entry-${random.integer(0, 40_000)}`;
    const existing = entries.get(id);
    if (existing) existing.score += random.next();
    else entries.set(id, { id, score: random.next(), tags: [`t${i % 7}`, `t${i % 11}`] });
  }
  const sorted = [...entries.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  let checksum = 0;
  for (const entry of sorted) checksum += entry.score * entry.tags.length;
  return checksum;
}
