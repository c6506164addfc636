import { measureModeOf } from '../toolSlice';
import type { ToolHandler } from './ToolHandler';

/**
 * `measure-distance|area|height`: each click adds the surface point under the pointer (roofs and walls included),
 * with its height above the ground, so the panel can warn when a distance or area corner landed on a roof. With
 * "measure on the ground" a distance or area takes the ground point under the pointer instead (through buildings);
 * a height measurement always takes the surface, which is what it measures.
 */
export const measureTool: ToolHandler = {
  cursor: 'crosshair',
  onClick(pick, store) {
    const s = store.getState();
    const onGround = s.measureOnGround && measureModeOf(s.tool) !== 'height';
    const p = onGround ? pick.ground : pick.surface;
    if (!p) return;
    const g = onGround ? undefined : pick.ground;
    s.addMeasurePoint(p, g ? Math.max(0, p[2] - g[2]) : 0);
  },
};
