/// <reference lib="webworker" />
// Thin worker entry: converts dropped files (handlers in convertHandlers, same RPC as the analyses).
import { attachConvertHandlers } from './convertHandlers';
import type { Endpoint } from './rpc';

attachConvertHandlers(self as unknown as Endpoint);
