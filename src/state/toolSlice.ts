import type { SliceCreator } from './AppState';

/**
 * What a click on the map does. Exactly one tool is active; the input router
 * (`viewer/inputRouter.ts`) dispatches every pointer event to it.
 * - `select`: picks a feature (or a proposed building), drags a corner handle, probes heat maps;
 * - `measure-*`: adds measuring points;
 * - `sketch`: adds footprint corners of a proposed building;
 * - `editVertex`: a corner handle of the selected proposed building is being dragged;
 * - `demolish`: marks city-model buildings demolished;
 * - `placeSunPoint`: places one sun-at-point;
 * - `placeFeedback`: puts the pin of a citizen's comment (kiosk).
 */
export type Tool = 'select' | 'measure-distance' | 'measure-area' | 'measure-height' | 'sketch' | 'editVertex' | 'demolish' | 'placeSunPoint' | 'placeFeedback';

/** What the measuring points measure: the mode of a `measure-*` tool, or none. */
export type MeasureMode = 'none' | 'distance' | 'area' | 'height';

/** All tools, for UIs and tests. */
export const TOOLS: readonly Tool[] = ['select', 'measure-distance', 'measure-area', 'measure-height', 'sketch', 'editVertex', 'demolish', 'placeSunPoint', 'placeFeedback'];

export interface ToolSlice {
  tool: Tool;
  /** The corner handle being dragged while `tool` is `editVertex`. */
  vertexDrag: { buildingId: string; index: number } | null;
  /**
   * Switches the tool. Leaving a tool drops its unfinished input (measuring
   * points, sketch corners, a corner drag); entering a measuring tool starts
   * a new measurement.
   */
  setTool(tool: Tool): void;
  /** Starts dragging a corner handle (tool `editVertex`). */
  startVertexDrag(buildingId: string, index: number): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends ToolSlice {}
}

/** The measuring mode of a tool ('none' for tools that do not measure). */
export function measureModeOf(tool: Tool): MeasureMode {
  return tool === 'measure-distance' ? 'distance' : tool === 'measure-area' ? 'area' : tool === 'measure-height' ? 'height' : 'none';
}

export const createToolSlice: SliceCreator<ToolSlice> = (set, get) => ({
  tool: 'select',
  vertexDrag: null,
  setTool: (tool) => {
    const prev = get().tool;
    const patch: Partial<ToolSlice> & { measurePoints?: []; sketchPoints?: []; sketchHover?: null; selection?: undefined } = { tool };
    if (prev !== tool) {
      if (measureModeOf(prev) !== 'none' || measureModeOf(tool) !== 'none') patch.measurePoints = [];
      if (prev === 'sketch' || tool === 'sketch') Object.assign(patch, { sketchPoints: [], sketchHover: null });
      // An open feature card would cover the map and take the corners meant for the ground.
      if (tool === 'sketch') patch.selection = undefined;
      if (tool !== 'editVertex') patch.vertexDrag = null;
    }
    // Leaving the feedback tool drops a pin not yet confirmed.
    if (prev === 'placeFeedback' && tool !== 'placeFeedback') (patch as { feedbackPlace?: null }).feedbackPlace = null;
    set(patch);
  },
  startVertexDrag: (buildingId, index) => set({ tool: 'editVertex', vertexDrag: { buildingId, index } }),
});
