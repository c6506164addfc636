export { sketchPointAt } from '../../../src/state/tools/sketchTool';
export { TOOL_HANDLERS as TOOL_HANDLERS_FOR_TEST } from '../../../src/state/tools/toolHandlers';
