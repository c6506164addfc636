import type { ToolHandler } from './ToolHandler';

/** `measure-distance|area|height`: each click adds the surface point under the pointer (roofs and walls included). */
export const measureTool: ToolHandler = {
  cursor: 'crosshair',
  onClick(pick, store) {
    const p = pick.surface;
    if (p) store.getState().addMeasurePoint(p);
  },
};
