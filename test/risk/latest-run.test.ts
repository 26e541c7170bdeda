import {describe, expect, it} from "vitest";
import {afterPause} from "../../src/risk/after-pause.js";
import {latestRun} from "../../src/risk/latest-run.js";
import {CancelledError} from "../../src/risk/parallel.js";

/** A run whose answer the test hands over when it likes, and whose signal it can read. */
function deferredRuns() {
  const runs: Array<{input: number; signal: AbortSignal; answer: (output: string) => void; fail: (error: unknown) => void}> = [];
  const run = (input: number, signal: AbortSignal) => new Promise<string>((resolve, reject) => { runs.push({input, signal, answer: resolve, fail: reject}); });
  return {runs, run};
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the newest request wins", () => {
  it("cancels the run before it and shows only the newest input's answer, even when an older one answers last", async () => {
    const {runs, run} = deferredRuns();
    const shown: Array<[string, number]> = [];
    const latest = latestRun({run, shown: (output, input) => shown.push([output, input]), failed: () => undefined});
    latest.request(1);
    latest.request(2);
    expect(runs[0]!.signal.aborted).toBe(true);
    expect(runs[1]!.signal.aborted).toBe(false);
    runs[1]!.answer("answer to 2");
    runs[0]!.answer("answer to 1, late");
    await settle();
    expect(shown).toEqual([["answer to 2", 2]]);
  });

  it("shows each answer when the requests come one after another's answer", async () => {
    const {runs, run} = deferredRuns();
    const shown: string[] = [];
    const latest = latestRun({run, shown: (output) => shown.push(output), failed: () => undefined});
    latest.request(1);
    runs[0]!.answer("one");
    await settle();
    latest.request(2);
    runs[1]!.answer("two");
    await settle();
    expect(shown).toEqual(["one", "two"]);
  });

  it("reports the newest run's failure, never a replaced run's", async () => {
    const {runs, run} = deferredRuns();
    const failed: Array<[unknown, number]> = [];
    const latest = latestRun({run, shown: () => undefined, failed: (error, input) => failed.push([error, input])});
    latest.request(1);
    latest.request(2);
    runs[0]!.fail(new CancelledError());
    runs[1]!.fail(new Error("the worker died"));
    await settle();
    expect(failed).toHaveLength(1);
    expect(String(failed[0]![0])).toMatch(/the worker died/);
    expect(failed[0]![1]).toBe(2);
  });

  it("shows nothing more once stopped, and aborts what runs", async () => {
    const {runs, run} = deferredRuns();
    const shown: string[] = [];
    const latest = latestRun({run, shown: (output) => shown.push(output), failed: () => undefined});
    latest.request(1);
    latest.stop();
    expect(runs[0]!.signal.aborted).toBe(true);
    runs[0]!.answer("too late");
    await settle();
    expect(shown).toEqual([]);
  });
});

describe("waiting for the reader to pause", () => {
  it("resolves after the pause", async () => {
    const started = Date.now();
    await afterPause(20, new AbortController().signal);
    // Timers may fire a little early by the clock's rounding, never long before.
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it("rejects as cancelled as soon as a newer input aborts it, or at once when already aborted", async () => {
    const controller = new AbortController();
    const waiting = afterPause(10_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
    await expect(afterPause(1, controller.signal)).rejects.toBeInstanceOf(CancelledError);
  });
});
