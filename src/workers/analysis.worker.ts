/// <reference lib="webworker" />
// Thin worker entry: all logic lives in analysisHandler (tested in Node over a MessageChannel).
import { attachAnalysisHandler } from './analysisHandler';
import type { Endpoint } from './protocol';

attachAnalysisHandler(self as unknown as Endpoint);
