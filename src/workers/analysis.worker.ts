/// <reference lib="webworker" />
// Thin worker entry: the handlers live in analysisHandlers (tested in Node over a MessageChannel).
import { attachAnalysisHandlers } from './analysisHandlers';
import type { Endpoint } from './rpc';

attachAnalysisHandlers(self as unknown as Endpoint);
