import {afterEach, describe, expect, it} from "vitest";
import {latestInNextTask, type NextTask, type NextTaskOptions} from "../../src/risk/next-task.js";

/** Resolves once every task queued before it, message ports' included, has run. */
const tasksRun = () => new Promise((resolve) => setTimeout(resolve, 20));
const waited = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the newest value, handed on in a task of its own", () => {
  const opened: Array<NextTask<unknown>> = [];
  const open = <T>(run: (value: T) => void, options?: NextTaskOptions) => {
    const next = latestInNextTask(run, options);
    opened.push(next as NextTask<unknown>);
    return next;
  };
  // An open port keeps Node's event loop alive.
  afterEach(() => { for (const next of opened.splice(0)) next.stop(); });

  it("runs nothing in the task that asks, and the value asked in a later one", async () => {
    const ran: number[] = [];
    const next = open((value: number) => ran.push(value));
    next.ask(1);
    expect(ran).toEqual([]);
    await tasksRun();
    expect(ran).toEqual([1]);
  });

  it("runs once for values asked in one task, with the newest", async () => {
    const ran: number[] = [];
    const next = open((value: number) => ran.push(value));
    for (const value of [1, 2, 3, 4, 5]) next.ask(value);
    await tasksRun();
    expect(ran).toEqual([5]);
  });

  it("runs again for a value asked after the last ran", async () => {
    const ran: number[] = [];
    const next = open((value: number) => ran.push(value));
    next.ask(1);
    await tasksRun();
    next.ask(2);
    next.ask(3);
    await tasksRun();
    expect(ran).toEqual([1, 3]);
  });

  it("hands on any value, undefined included", async () => {
    const ran: unknown[] = [];
    const next = open((value: unknown) => ran.push(value));
    next.ask(undefined);
    await tasksRun();
    expect(ran).toEqual([undefined]);
  });

  it("runs nothing once stopped, neither what was asked before nor after", async () => {
    const ran: number[] = [];
    const next = open((value: number) => ran.push(value));
    next.ask(1);
    next.stop();
    next.ask(2);
    await tasksRun();
    expect(ran).toEqual([]);
  });

  describe("values asked in a stream, as a dragged slider's", () => {
    // The asks' times are the test's clock; the rest is waited for in real time.
    const REST = 60;
    const streamed = () => {
      let clock = 0;
      const ran: number[] = [];
      const next = open((value: number) => ran.push(value), {restMs: REST, now: () => clock});
      return {ran, at: (ms: number, value: number) => { clock = ms; next.ask(value); }, next};
    };

    it("runs the first in the next task, then the newest once the stream has rested", async () => {
      const {ran, at} = streamed();
      at(0, 1);
      await tasksRun();
      expect(ran).toEqual([1]);
      // One a frame, each within the rest of the one before.
      at(17, 2);
      at(33, 3);
      at(50, 4);
      await tasksRun();
      expect(ran).toEqual([1]);
      await waited(REST + 20);
      expect(ran).toEqual([1, 4]);
    });

    it("waits the whole rest again for each newer value", async () => {
      const {ran, at} = streamed();
      at(0, 1);
      await tasksRun();
      at(17, 2);
      await waited(REST / 2);
      at(34, 3);
      await waited(REST / 2 + 10);
      // The rest began again at the third value: not yet over.
      expect(ran).toEqual([1]);
      await waited(REST);
      expect(ran).toEqual([1, 3]);
    });

    it("runs a value asked after a rest in the next task, not a rest later", async () => {
      const {ran, at} = streamed();
      at(0, 1);
      await tasksRun();
      at(REST + 100, 2);
      await tasksRun();
      expect(ran).toEqual([1, 2]);
    });

    it("runs nothing once stopped during a rest", async () => {
      const {ran, at, next} = streamed();
      at(0, 1);
      await tasksRun();
      at(17, 2);
      next.stop();
      await waited(REST + 20);
      expect(ran).toEqual([1]);
    });
  });
});
