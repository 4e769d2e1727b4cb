/**
 * Indices of `keys` (finite, non-negative) from the largest key to the smallest, roughly: keys are
 * compared at the precision left in 32 bits beside the index (2^-22 of the largest for 1,000 keys),
 * and ties go by index. Callers use the order only to meet good candidates early, never to decide.
 * Sorting 32-bit codes natively is several times faster than sorting indices with a comparator; pass
 * `scratch` (as long as `keys`) to reuse its memory.
 */
export function descendingOrder(
  keys: Float64Array,
  scratch: { codes: Uint32Array; order: Int32Array } = {
    codes: new Uint32Array(keys.length),
    order: new Int32Array(keys.length),
  },
): Int32Array {
  const n = keys.length;
  const { codes, order } = scratch;
  const indexBits = Math.max(1, Math.ceil(Math.log2(n)));
  if (indexBits > 24) {
    for (let k = 0; k < n; k++) order[k] = k;
    return order.sort((a, b) => keys[b]! - keys[a]! || a - b);
  }
  const steps = 2 ** (32 - indexBits) - 1;
  let largest = 0;
  for (let k = 0; k < n; k++) largest = Math.max(largest, keys[k]!);
  const scale = largest > 0 ? steps / largest : 0;
  for (let index = 0; index < n; index++) {
    const rank = steps - Math.min(steps, Math.floor(keys[index]! * scale));
    codes[index] = rank * 2 ** indexBits + index;
  }
  codes.sort();
  const mask = 2 ** indexBits - 1;
  for (let k = 0; k < n; k++) order[k] = codes[k]! & mask;
  return order;
}
