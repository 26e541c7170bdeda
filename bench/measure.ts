/**
 * The median time of `run`, in milliseconds. Each sample times a batch of calls, so that
 * a call far below the timer's resolution is still measured; warm-up calls let the JIT
 * settle first.
 */
export function medianMs(run: () => unknown, {samples = 31, batch = 1, warmup = 20} = {}): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const started = performance.now();
    for (let i = 0; i < batch; i++) run();
    times.push((performance.now() - started) / batch);
  }
  return median(times);
}

/** The middle value (the upper of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

/**
 * The time of `b` over the time of `a`, timed in alternation so that whatever else the
 * machine does slows both alike: the median of the per-round ratios. Each takes its turn
 * to go first (running right after the other is not the same as running first: a few
 * per cent either way).
 */
export function interleavedRatio(a: () => unknown, b: () => unknown, batch: number, rounds = 61): number {
  for (let i = 0; i < 20 * batch; i++) { a(); b(); }
  const timed = (run: () => unknown) => {
    const started = performance.now();
    for (let i = 0; i < batch; i++) run();
    return performance.now() - started;
  };
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      const ta = timed(a);
      ratios.push(timed(b) / ta);
    } else {
      const tb = timed(b);
      ratios.push(tb / timed(a));
    }
  }
  return median(ratios);
}
