import {availableParallelism} from "node:os";
import {Worker} from "node:worker_threads";
import {WorkerPool, type WorkerPort} from "../src/risk/parallel.js";
import {handedOver} from "../src/risk/worker-protocol.js";

/**
 * The CLI's risk workers: as many worker threads as Node says the machine can run at once
 * (`os.availableParallelism()`), each running src/risk/worker-protocol.ts. Terminate the
 * pool when done, or the process waits for its threads.
 */
export function nodeWorkerPool(count = availableParallelism()): WorkerPool {
  return new WorkerPool(Array.from({length: Math.max(1, count)}, () => threadPort(new Worker(new URL("./risk-worker-boot.mjs", import.meta.url)))));
}

function threadPort(worker: Worker): WorkerPort {
  return {
    post: (request) => worker.postMessage(request, handedOver(request)),
    onReply: (handler) => { worker.on("message", handler); },
    onFailure: (handler) => { worker.on("error", (error) => handler(`a worker thread failed: ${error.message}`)); },
    terminate: () => { void worker.terminate(); }
  };
}
