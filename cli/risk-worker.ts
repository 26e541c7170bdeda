// A risk worker thread (src/risk/worker-protocol.ts): a share of a grid's cells or of a
// simulation's paths, for the CLI and the benchmark.
import {parentPort} from "node:worker_threads";
import {handedOver, workerSide, type RiskMessage, type RiskReply} from "../src/risk/worker-protocol.js";

const port = parentPort!;
const receive = workerSide((reply: RiskReply) => port.postMessage(reply, handedOver(reply)));
port.on("message", (message: RiskMessage) => receive(message));
