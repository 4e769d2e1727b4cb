import type pg from "pg";

/**
 * Runs `statement` once per batch of `rows`, its `{rows}` replaced by the batch as a VALUES list of
 * parameters numbered after `fixed` (the parameters every batch shares: $1 …). Nothing runs for no rows.
 */
export async function inBatches(
  client: pg.ClientBase,
  statement: string,
  fixed: readonly unknown[],
  rows: readonly unknown[][],
  rowsPerBatch = 1000,
): Promise<void> {
  for (let start = 0; start < rows.length; start += rowsPerBatch) {
    const batch = rows.slice(start, start + rowsPerBatch);
    let next = fixed.length;
    const values = batch.map((row) => `(${row.map(() => `$${++next}`).join(", ")})`).join(", ");
    await client.query(statement.replace("{rows}", values), [...fixed, ...batch.flat()]);
  }
}
