import type { ToolHandler } from './ToolHandler';

/**
 * `editVertex`: a corner handle of the selected proposed building is being
 * dragged (started by the select tool); releasing moves the corner to the
 * ground point under the pointer and returns to `select`.
 */
export const editVertexTool: ToolHandler = {
  cursor: 'grabbing',
  onUp(pick, store) {
    const s = store.getState();
    const d = s.vertexDrag;
    const p = pick.surface;
    if (d && p) s.moveProposedVertex(d.buildingId, d.index, [p[0], p[1]]);
    store.getState().setTool('select');
  },
};
