/**
 * The newest value, handed on in a task of its own. `ask(value)` has `run` called once, with
 * the newest value asked, in a task posted after the asking one (a MessageChannel message,
 * which no timer's minimum delay holds back); values asked before it runs replace each other.
 *
 * Why the story page wants it: an input that comes with a frame (a slider dragged; Chromium
 * delivers those at the frame's start) is drawn in that frame, by the task that handles it.
 * Its live risk, asked in that task, started its worker while the browser laid out and painted
 * the frame: on a two-core machine the worker then took the core that the browser's own
 * threads wanted, and a move took two frames more often (docs/model.md, "The live risk asked
 * after the frame"). Asked in the next task, the worker starts once the frame is drawn.
 */
export interface NextTask<T> {
  ask(value: T): void;
  /** Nothing asked before or after runs; the channel is closed. */
  stop(): void;
}

export function latestInNextTask<T>(run: (value: T) => void): NextTask<T> {
  const channel = new MessageChannel();
  // Boxed, so that any value (undefined, null) can be the one asked.
  let asked: {readonly value: T} | null = null;
  let stopped = false;
  channel.port1.onmessage = () => {
    const newest = asked;
    asked = null;
    if (newest && !stopped) run(newest.value);
  };
  return {
    ask(value) {
      if (stopped) return;
      // One message for every value asked before it is delivered.
      if (asked === null) channel.port2.postMessage(null);
      asked = {value};
    },
    stop() {
      stopped = true;
      asked = null;
      channel.port1.close();
    }
  };
}
