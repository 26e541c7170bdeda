import {afterEach, describe, expect, it} from "vitest";
import {latestInNextTask, type NextTask} from "../../src/risk/next-task.js";

/** Resolves once every task queued before it, message ports' included, has run. */
const tasksRun = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("the newest value, handed on in a task of its own", () => {
  const opened: Array<NextTask<unknown>> = [];
  const open = <T>(run: (value: T) => void) => {
    const next = latestInNextTask(run);
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
});
