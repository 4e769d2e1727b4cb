/**
 * Answers to repeated read requests, kept while what they were computed from is unchanged. `tagOf` names
 * that state for a request's inputs (for Parley, the theatres they name, each with its creation time and
 * revision), or returns undefined when the request must not be cached. The least recently stored answers
 * go first past the bounds.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { tag: string; body: Buffer }>();
  private bytes = 0;

  constructor(
    readonly tagOf: (inputs: readonly unknown[]) => Promise<string | undefined>,
    private readonly maxEntries = 2000,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get(key: string, tag: string): Buffer | undefined {
    const entry = this.entries.get(key);
    return entry && entry.tag === tag ? entry.body : undefined;
  }

  set(key: string, tag: string, body: Buffer): void {
    this.delete(key);
    if (body.length > this.maxBytes / 4) return;
    this.entries.set(key, { tag, body });
    this.bytes += body.length;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.length;
    this.entries.delete(key);
  }
}
