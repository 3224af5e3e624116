export interface BenchOptions {
  /** Tiny sizes and short runs: checks that the benchmark works, measures nothing. */
  smoke: boolean;
}
