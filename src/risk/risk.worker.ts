// The risk tools' module Web Worker: a share of a grid's cells or of a simulation's paths
// (worker-protocol.ts), so the page stays responsive and every core works. A long run is
// cancelled by the page terminating the worker, the story page's live runs by a cancel message.
import {handedOver, workerSide, type RiskMessage, type RiskReply} from "./worker-protocol.js";

// A share of paths hands its figures over rather than copying them.
const receive = workerSide((reply: RiskReply) => self.postMessage(reply, {transfer: handedOver(reply)}));
self.onmessage = (event: MessageEvent<RiskMessage>) => receive(event.data);
