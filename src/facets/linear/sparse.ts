/**
 * The run-time form of the named-feature models: the same features as `Features` (linear/features.ts)
 * and the same arithmetic, without building a string per feature. A feature is a pair of integers —
 * `a` = token id × 16 + prefix code (`uw:`, `hb:` …; 0 for a whole-name feature such as `c:lonely`),
 * `b` = the second token of a bigram or −1 — in an insertion-ordered vector, so every sum runs in
 * the order the Map-based code runs it and every score, threshold decision and piece of evidence is
 * the same bit for bit. Model weights sit in one Float64Array per model over a dictionary shared by
 * the models of one feature space (one lookup per feature scores them all).
 *
 * Token ids come from one process-wide vocabulary. Ids of tokens no model knows are transient: when
 * there are many of them, `checkpoint()` (called before a vector is built, never while one is in
 * use) forgets them, so memory stays bounded on any input.
 */

export const PREFIXES = ['', 'uw:', 'ub:', 'hw:', 'hb:', 'aw:', 'ab:', 'w:', 'b:', 'c:'] as const;
export type Prefix = Exclude<(typeof PREFIXES)[number], ''>;
const CODE = new Map<string, number>(PREFIXES.map((prefix, code) => [prefix, code]));
/** Prefix code of whole-name features. */
const NAMED = 0;

export function prefixCode(prefix: Prefix): number {
  return CODE.get(prefix) as number;
}

// ---------------------------------------------------------------------------------------------
// vocabulary

const ids = new Map<string, number>();
const names: string[] = [];
/** Ids below this belong to a model's dictionary and are never forgotten. */
let pinned = 0;
/** Transient ids kept at most (about 50 bytes each). */
let transientLimit = 400_000;

/** For tests: a small limit, so that checkpoint() forgets early. Returns the previous limit. */
export function setTransientLimit(limit: number): number {
  const previous = transientLimit;
  transientLimit = limit;
  return previous;
}

export function tokenId(token: string): number {
  let id = ids.get(token);
  if (id === undefined) {
    id = names.length;
    names.push(token);
    ids.set(token, id);
  }
  return id;
}

/** Forgets transient token ids when there are many: call only when no vector is in use. */
export function checkpoint(): void {
  if (names.length - pinned <= transientLimit) return;
  for (let id = pinned; id < names.length; id++) ids.delete(names[id] as string);
  names.length = pinned;
  idsByTokens = new WeakMap();
}

/**
 * Ids of a token array, kept as long as the array lives: tokenize() hands the same array to every
 * facet that reads the same text (its memo), so each token is looked up once per message.
 */
let idsByTokens = new WeakMap<readonly string[], Int32Array>();

export function idsOf(tokens: readonly string[]): Int32Array {
  let found = idsByTokens.get(tokens);
  if (found === undefined) {
    found = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) found[i] = tokenId(tokens[i] as string);
    idsByTokens.set(tokens, found);
  }
  return found;
}

function pinVocabulary(): void {
  pinned = names.length;
}

/** The name of feature (a, b), as the Map-based code spells it. */
export function featureName(a: number, b: number): string {
  const code = a & 15;
  const first = names[a >>> 4] as string;
  if (code === NAMED) return first;
  return b < 0 ? `${PREFIXES[code]}${first}` : `${PREFIXES[code]}${first} ${names[b]}`;
}

/** Key of a whole-name feature (`c:lonely`, `rule:refuse`, `len:<60`). */
export function namedKey(name: string): number {
  return tokenId(name) * 16;
}

// ---------------------------------------------------------------------------------------------
// open addressing on integer pairs

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 13);
}

/** An insertion-ordered sparse vector keyed by (a, b): the Map<string, number> of linear/features.ts. */
export class SparseVector {
  size = 0;
  a = new Int32Array(256);
  b = new Int32Array(256);
  value = new Float64Array(256);
  private table = new Int32Array(1024);
  private stamp = new Uint32Array(1024);
  private generation = 1;
  private mask = 1023;

  clear(): this {
    this.size = 0;
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    return this;
  }

  private slot(a: number, b: number): number {
    const { table, stamp, mask, generation } = this;
    let slot = hash(a, b) & mask;
    for (;;) {
      if (stamp[slot] !== generation) return slot;
      const index = table[slot] as number;
      if (this.a[index] === a && this.b[index] === b) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** Index of (a, b), appending it with value 0 when new (like `map.get(k) ?? 0` then set). */
  private indexOf(a: number, b: number): number {
    const slot = this.slot(a, b);
    if (this.stamp[slot] === this.generation) return this.table[slot] as number;
    if (this.size === this.a.length) this.growEntries();
    const index = this.size++;
    this.a[index] = a;
    this.b[index] = b;
    this.value[index] = 0;
    this.table[slot] = index;
    this.stamp[slot] = this.generation;
    if (this.size * 2 > this.mask) this.rehash();
    return index;
  }

  /** map.set(k, (map.get(k) ?? 0) + weight) */
  add(a: number, b: number, weight: number): void {
    const index = this.indexOf(a, b);
    this.value[index] = (this.value[index] as number) + weight;
  }

  /** map.set(k, value): a new key goes last, a known one keeps its place. */
  set(a: number, b: number, value: number): void {
    const index = this.indexOf(a, b); // first: it may grow (replace) this.value
    this.value[index] = value;
  }

  /** Sub-linear counts and unit length: normalizeFeatures() of linear/features.ts, same order of sums. */
  normalize(): this {
    const { value, size } = this;
    let norm = 0;
    for (let i = 0; i < size; i++) {
      const v = 1 + Math.log(value[i] as number);
      value[i] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < size; i++) value[i] = (value[i] as number) / norm;
    return this;
  }

  /** As a Map of named features (tests, debugging). */
  toFeatures(): Map<string, number> {
    const features = new Map<string, number>();
    for (let i = 0; i < this.size; i++)
      features.set(featureName(this.a[i] as number, this.b[i] as number), this.value[i] as number);
    return features;
  }

  private growEntries(): void {
    const grow = <A extends Int32Array | Float64Array>(old: A, make: (n: number) => A): A => {
      const next = make(old.length * 2);
      next.set(old);
      return next;
    };
    this.a = grow(this.a, (n) => new Int32Array(n));
    this.b = grow(this.b, (n) => new Int32Array(n));
    this.value = grow(this.value, (n) => new Float64Array(n));
  }

  private rehash(): void {
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.table = new Int32Array(capacity);
    this.stamp = new Uint32Array(capacity);
    this.generation = 1;
    for (let index = 0; index < this.size; index++) {
      const slot = this.slot(this.a[index] as number, this.b[index] as number);
      this.table[slot] = index;
      this.stamp[slot] = 1;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// models over a shared dictionary

/** Which prefixes of a feature space are word n-grams (`uw:` unigrams, `ub:` bigrams); the rest are whole names. */
export interface SpaceLayout {
  unigrams: readonly Prefix[];
  bigrams: readonly Prefix[];
}

/** One model's weights over its space's dictionary (0 where the model has no weight for that feature). */
export interface SparseWeights {
  bias: number;
  weights: Float64Array;
}

export interface Contribution {
  feature: string;
  weight: number;
}

/**
 * The dictionary of a feature space (the union of its models' feature names) and the models' weights
 * over it. Build it with every model of the space, then `seal()` before use.
 */
export class FeatureSpace {
  private readonly dictionary = new Map<string, number>();
  private keysA: number[] = [];
  private keysB: number[] = [];
  private table = new Int32Array(0);
  private mask = 0;
  private readonly pending: { weights: readonly [string, number][]; into: SparseWeights }[] = [];
  /** Dictionary indices of the features of the last `lookup`. */
  private indices = new Int32Array(256);

  constructor(private readonly layout: SpaceLayout) {}

  /** Adds a model (its [name, weight] pairs as shipped); the weights are filled in by seal(). */
  add(bias: number, weights: readonly [string, number][]): SparseWeights {
    const model: SparseWeights = { bias, weights: new Float64Array(0) };
    for (const [name] of weights) {
      if (!this.dictionary.has(name)) {
        this.dictionary.set(name, this.keysA.length);
        const [a, b] = this.parse(name);
        this.keysA.push(a);
        this.keysB.push(b);
      }
    }
    this.pending.push({ weights, into: model });
    return model;
  }

  seal(): this {
    const size = this.keysA.length;
    for (const { weights, into } of this.pending) {
      // 0 where the model has no weight: adding 0 × value leaves the sum exactly as skipping it does, and
      // a zero contribution is never listed by explain() (the shipped files hold no zero weights anyway).
      const dense = new Float64Array(size);
      for (const [name, weight] of weights) dense[this.dictionary.get(name) as number] = weight;
      into.weights = dense;
    }
    this.pending.length = 0;
    this.dictionary.clear();
    let capacity = 16;
    while (capacity < size * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.table = new Int32Array(capacity).fill(-1);
    for (let index = 0; index < size; index++) {
      let slot = hash(this.keysA[index] as number, this.keysB[index] as number) & this.mask;
      while ((this.table[slot] as number) >= 0) slot = (slot + 1) & this.mask;
      this.table[slot] = index;
    }
    pinVocabulary();
    return this;
  }

  private parse(name: string): [number, number] {
    const colon = name.indexOf(':');
    const prefix = name.slice(0, colon + 1) as Prefix;
    const rest = name.slice(colon + 1);
    if (colon > 0 && this.layout.bigrams.includes(prefix)) {
      const space = rest.indexOf(' ');
      if (space > 0) return [tokenId(rest.slice(0, space)) * 16 + prefixCode(prefix), tokenId(rest.slice(space + 1))];
    }
    if (colon > 0 && this.layout.unigrams.includes(prefix)) return [tokenId(rest) * 16 + prefixCode(prefix), -1];
    return [namedKey(name), -1];
  }

  /** Dictionary index of (a, b), or −1. */
  find(a: number, b: number): number {
    const { table, mask, keysA, keysB } = this;
    let slot = hash(a, b) & mask;
    for (;;) {
      const index = table[slot] as number;
      if (index < 0) return -1;
      if (keysA[index] === a && keysB[index] === b) return index;
      slot = (slot + 1) & mask;
    }
  }

  /** Looks every feature of `vector` up once; score() and explain() then read the result. */
  lookup(vector: SparseVector): Int32Array {
    if (this.indices.length < vector.size) this.indices = new Int32Array(vector.a.length);
    for (let i = 0; i < vector.size; i++) this.indices[i] = this.find(vector.a[i] as number, vector.b[i] as number);
    return this.indices;
  }
}

/** LinearModel.score(): bias plus weight × value in the vector's order. */
export function score(model: SparseWeights, vector: SparseVector, indices: Int32Array): number {
  const { weights } = model;
  const { value } = vector;
  let z = model.bias;
  for (let i = 0; i < vector.size; i++) {
    const index = indices[i] as number;
    if (index < 0) continue;
    z += (weights[index] as number) * (value[i] as number);
  }
  return z;
}

export function probability(model: SparseWeights, vector: SparseVector, indices: Int32Array): number {
  return 1 / (1 + Math.exp(-score(model, vector, indices)));
}

/** The positive contributions in the vector's order (unsorted). */
export function contributions(model: SparseWeights, vector: SparseVector, indices: Int32Array): Contribution[] {
  const found: Contribution[] = [];
  for (let i = 0; i < vector.size; i++) {
    const index = indices[i] as number;
    if (index < 0) continue;
    const weight = model.weights[index] as number;
    if (weight * (vector.value[i] as number) > 0) {
      found.push({
        feature: featureName(vector.a[i] as number, vector.b[i] as number),
        weight: weight * (vector.value[i] as number),
      });
    }
  }
  return found;
}

/** LinearModel.explain(): the features that pushed the score up most. */
export function explain(model: SparseWeights, vector: SparseVector, indices: Int32Array, top = 5): Contribution[] {
  return contributions(model, vector, indices)
    .sort((x, y) => y.weight - x.weight)
    .slice(0, top);
}

/** Word n-gram features of `tokens` (addTextFeatures of linear/features.ts). */
export function addTokenFeatures(
  vector: SparseVector,
  tokens: readonly string[],
  unigram: Prefix,
  bigram: Prefix | undefined,
  maxTokens: number,
  weight = 1,
): void {
  const limit = Math.min(tokens.length, maxTokens);
  const uni = prefixCode(unigram);
  const bi = bigram === undefined ? -1 : prefixCode(bigram);
  const ids = idsOf(tokens);
  for (let i = 0; i < limit; i++) {
    const current = ids[i] as number;
    vector.add(current * 16 + uni, -1, weight);
    if (bi >= 0 && i + 1 < limit) vector.add(current * 16 + bi, ids[i + 1] as number, weight);
  }
}
