import type { Tool } from '../toolSlice';
import { demolishTool } from './demolishTool';
import { editVertexTool } from './editVertexTool';
import { measureTool } from './measureTool';
import { placeFeedbackTool } from './placeFeedbackTool';
import { placeSunPointTool } from './placeSunPointTool';
import { selectTool } from './selectTool';
import { sketchTool } from './sketchTool';
import type { ToolHandler } from './ToolHandler';

/** The handler of each tool; the input router dispatches to `TOOL_HANDLERS[state.tool]`. Add a tool here. */
export const TOOL_HANDLERS: Record<Tool, ToolHandler> = {
  select: selectTool,
  'measure-distance': measureTool,
  'measure-area': measureTool,
  'measure-height': measureTool,
  sketch: sketchTool,
  editVertex: editVertexTool,
  demolish: demolishTool,
  placeSunPoint: placeSunPointTool,
  placeFeedback: placeFeedbackTool,
};
