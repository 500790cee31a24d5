/** Bounds on untrusted input: a hostile file must fail alone, quickly, without exhausting memory. */
export interface ParseLimits {
  maxFileBytes: number;
  maxDocuments: number;
  /** Alias expansions per document (YAML "billion laughs"). */
  maxAliases: number;
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxDocuments: 20_000,
  maxAliases: 100,
  maxDepth: 64,
};
