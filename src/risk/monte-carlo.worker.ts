// The Monte Carlo simulation's module Web Worker: the page stays responsive while it runs.
// Cancel is the page terminating the worker.
import {runSimulation, type SimulationRequest} from "./simulation-protocol.js";

self.onmessage = (event: MessageEvent<SimulationRequest>) => {
  void runSimulation(event.data, (message) => self.postMessage(message));
};
