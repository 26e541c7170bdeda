// A risk worker thread (src/risk/worker-protocol.ts): a share of a grid's cells or of a
// simulation's paths, for the CLI and the benchmark.
import {parentPort} from "node:worker_threads";
import {workerSide, type RiskMessage, type RiskReply} from "../src/risk/worker-protocol.js";

const port = parentPort!;
const post = (reply: RiskReply) => {
  if (reply.kind === "paths") port.postMessage(reply, [reply.tally.cash.buffer as ArrayBuffer, reply.tally.debt.buffer as ArrayBuffer]);
  else port.postMessage(reply);
};
const receive = workerSide(post);
port.on("message", (message: RiskMessage) => receive(message));
