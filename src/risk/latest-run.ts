/**
 * The newest request wins. Each `request` aborts the run before it (its signal fires, so
 * its workers stop at their next chunk) and starts its own; a run's result reaches `shown`
 * only if no newer request came while it ran. A run that fails for any other reason
 * than being replaced goes to `failed`. So what is shown is always the answer to the
 * newest input, never an older answer arriving late.
 */
export interface LatestRun<I> {
  request(input: I): void;
  /** Aborts the run in flight, if any; nothing more is shown. */
  stop(): void;
}

export interface LatestRunHandlers<I, O> {
  readonly run: (input: I, signal: AbortSignal) => Promise<O>;
  readonly shown: (output: O, input: I) => void;
  readonly failed: (error: unknown, input: I) => void;
  /** Told when a run starts: the page says it is updating. */
  readonly started?: (input: I) => void;
}

export function latestRun<I, O>({run, shown, failed, started}: LatestRunHandlers<I, O>): LatestRun<I> {
  let current: AbortController | null = null;
  return {
    request(input) {
      current?.abort();
      const controller = new AbortController();
      current = controller;
      started?.(input);
      run(input, controller.signal).then(
        (output) => { if (current === controller) { current = null; shown(output, input); } },
        (error: unknown) => { if (current === controller) { current = null; failed(error, input); } }
      );
    },
    stop() {
      current?.abort();
      current = null;
    }
  };
}
