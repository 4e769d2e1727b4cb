/**
 * Input an analysis cannot work with: an unknown id, an empty actor set, an option set without criteria.
 * `field` names the input at fault; `candidates` lists what the caller may have meant.
 */
export class AnalysisError extends Error {
  override readonly name = "AnalysisError";

  constructor(
    readonly field: string,
    readonly problem: string,
    readonly candidates: readonly string[] = [],
  ) {
    super(`${field}: ${problem}`);
  }
}
