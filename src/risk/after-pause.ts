import {CancelledError} from "./parallel.js";

/**
 * Resolves once `ms` have passed without `signal` aborting; rejects with a CancelledError as
 * soon as it aborts. With `latestRun`, work that should wait until the reader pauses: each
 * newer input aborts the wait of the one before.
 */
export function afterPause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) { reject(new CancelledError()); return; }
    const timer = setTimeout(() => { signal.removeEventListener("abort", onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(new CancelledError()); };
    signal.addEventListener("abort", onAbort, {once: true});
  });
}
