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
 *
 * With `restMs`, values asked in a stream (each within `restMs` of the one before, as a dragged
 * slider's come, one a frame) run once the stream rests: the newest, `restMs` after it. A
 * run started for each frame of a drag would be replaced a frame later, before it could show
 * anything, while it held a core the drag's frames wanted (docs/model.md, "A slider dragged").
 */
export interface NextTask<T> {
  ask(value: T): void;
  /** Nothing asked before or after runs; the channel is closed. */
  stop(): void;
}

export interface NextTaskOptions {
  /** Asks closer together than this, in milliseconds, are a stream; 0 (the default): none is. */
  readonly restMs?: number;
  /** The clock, in milliseconds (tests give their own). */
  readonly now?: () => number;
}

export function latestInNextTask<T>(run: (value: T) => void, {restMs = 0, now = () => performance.now()}: NextTaskOptions = {}): NextTask<T> {
  const channel = new MessageChannel();
  // Boxed, so that any value (undefined, null) can be the one asked.
  let asked: {readonly value: T} | null = null;
  let stopped = false;
  let posted = false;
  let lastAsked = -Infinity;
  let resting: ReturnType<typeof setTimeout> | undefined;
  const runNewest = () => {
    const newest = asked;
    asked = null;
    if (newest && !stopped) run(newest.value);
  };
  channel.port1.onmessage = () => {
    posted = false;
    runNewest();
  };
  return {
    ask(value) {
      if (stopped) return;
      const at = now();
      const inStream = at - lastAsked < restMs;
      lastAsked = at;
      asked = {value};
      if (inStream) {
        clearTimeout(resting);
        resting = setTimeout(runNewest, restMs);
      } else if (!posted) {
        // One message for every value asked before it is delivered.
        posted = true;
        channel.port2.postMessage(null);
      }
    },
    stop() {
      stopped = true;
      asked = null;
      clearTimeout(resting);
      channel.port1.close();
    }
  };
}
