// The risk tools' module Web Worker: a share of a grid's cells or of a simulation's paths
// (worker-protocol.ts), so the page stays responsive and every core works. A long run is
// cancelled by the page terminating the worker, the story page's live runs by a cancel message.
import {workerSide, type RiskMessage, type RiskReply} from "./worker-protocol.js";

const post = (reply: RiskReply) => {
  // A share of paths hands its figures over rather than copying them.
  if (reply.kind === "paths") self.postMessage(reply, {transfer: [reply.tally.cash.buffer, reply.tally.debt.buffer]});
  else self.postMessage(reply);
};

const receive = workerSide(post);
self.onmessage = (event: MessageEvent<RiskMessage>) => receive(event.data);
