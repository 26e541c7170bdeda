// The risk tools' module Web Worker: a share of a grid's cells or of a simulation's paths
// (worker-protocol.ts), so the page stays responsive and every core works. Cancel is the page
// terminating the worker.
import {answer, type RiskReply, type RiskRequest} from "./worker-protocol.js";

const post = (reply: RiskReply) => {
  // A share of paths hands its figures over rather than copying them.
  if (reply.kind === "paths") self.postMessage(reply, {transfer: [reply.tally.cash.buffer, reply.tally.debt.buffer]});
  else self.postMessage(reply);
};

self.onmessage = (event: MessageEvent<RiskRequest>) => {
  void answer(event.data, post);
};
