/** Keeps the last `limit` characters of a stream (a child's stderr, say) and counts what it dropped. */
export class TailBuffer {
  readonly limit: number;
  #chunks: string[] = [];
  #length = 0;
  #total = 0;

  /** A buffer that holds at most `limit` characters. */
  constructor(limit: number) {
    if (!(Number.isInteger(limit) && limit > 0)) throw new RangeError(`TailBuffer: limit must be a positive integer, got ${limit}`);
    this.limit = limit;
  }

  /** Adds `text` at the end, dropping the oldest characters beyond the limit. */
  append(text: string): void {
    if (text.length === 0) return;
    this.#total += text.length;
    const kept = text.length > this.limit ? text.slice(text.length - this.limit) : text;
    this.#chunks.push(kept);
    this.#length += kept.length;
    while (this.#length > this.limit) {
      const first = this.#chunks[0]!;
      const excess = this.#length - this.limit;
      if (first.length <= excess) {
        this.#chunks.shift();
        this.#length -= first.length;
      } else {
        this.#chunks[0] = first.slice(excess);
        this.#length -= excess;
      }
    }
  }

  /** Every character ever appended, counting the dropped ones. */
  get totalChars(): number {
    return this.#total;
  }

  /** How many characters were dropped from the front to respect the limit. */
  get droppedChars(): number {
    return this.#total - this.#length;
  }

  /** The characters kept, oldest first. */
  get text(): string {
    if (this.#chunks.length > 1) this.#chunks = [this.#chunks.join("")];
    return this.#chunks[0] ?? "";
  }

  /** The last at most `maxChars` characters appended after the moment `totalChars` was `since`. */
  tail(maxChars: number, since = 0): string {
    const wanted = Math.min(maxChars, this.#total - since, this.#length);
    return wanted <= 0 ? "" : this.text.slice(this.#length - wanted);
  }
}
