import { describe, expect, it } from 'vitest';
import { LocalFrame } from '../../../../src/core/crs/LocalFrame';
import { rectangleFootprint } from '../../../../src/core/scenario/transformBuilding';
import type { GeoPoint } from '../../../../src/core/measure/measureGeometry';
import { createAppStore, selectMeasureResult, type AppStore } from '../../../../src/state';
import { activeVariant } from '../../../../src/state/scenarioSlice';
import type { Pick, PickedLayerFeature } from '../../../../src/state/tools/Pick';
import { TOOL_HANDLERS } from '../../../../src/state/tools/toolHandlers';
import { SKETCH_CLOSE_PX } from '../../../../src/state/tools/sketchTool';
import { TOOLS, type Tool } from '../../../../src/state/toolSlice';
import { measureOffGround } from '../../../../src/state/measureSlice';
import type { AnalysisResult } from '../../../../src/state/analysisSlice';

/** Hamburg, near the Binnenalster. */
const HH: [number, number] = [9.9937, 53.5511];
const frame = LocalFrame.around(HH);
/** WGS84 of a point `x` m east, `y` m north of HH (EPSG:25832), at height h. */
const at = (x: number, y: number, h = 0): GeoPoint => [...frame.toWgs84([x, y]), h] as GeoPoint;

/**
 * A fake pick: what the router would report. `screen` and `project` use a
 * simple top-down mapping of 1 px per metre around HH.
 */
function pick(over: Partial<Omit<Pick, 'project'>> = {}): Pick {
  const surface = over.surface ?? over.ground;
  const toPx = (lon: number, lat: number) => {
    const [x, y] = frame.toLocal([lon, lat]);
    return { x, y: -y };
  };
  return {
    screen: surface ? toPx(surface[0], surface[1]) : { x: 0, y: 0 },
    feature: undefined,
    onCityModel: false,
    surface,
    ground: over.ground ?? surface,
    proposedId: undefined,
    vertex: undefined,
    project: (lon, lat) => toPx(lon, lat),
    ...over,
  };
}

const click = (store: AppStore, p: Pick) => TOOL_HANDLERS[store.getState().tool].onClick?.(p, store);
const plan: PickedLayerFeature = { layerId: 'plan', featureId: 'WA1', properties: { landUse: 'WA' } };
const house: PickedLayerFeature = { layerId: 'buildings', featureId: 'DEHH_1', properties: { heightM: 12 } };

/** A store with one proposed building (20 × 12 m around HH) in an active variant. */
function withBuilding(): { store: AppStore; id: string } {
  const store = createAppStore();
  const id = store.getState().addProposedBuilding(rectangleFootprint(HH, 20, 12, 90))!;
  return { store, id };
}

describe('tools (pure handlers, fake picks)', () => {
  it('every tool has a handler; setTool drops unfinished input of the tool it leaves', () => {
    expect(Object.keys(TOOL_HANDLERS).sort()).toEqual([...TOOLS].sort());
    const store = createAppStore();
    store.getState().setTool('measure-distance');
    click(store, pick({ surface: at(0, 0) }));
    expect(store.getState().measurePoints).toHaveLength(1);
    store.getState().setTool('sketch');
    expect(store.getState().measurePoints).toEqual([]);
    click(store, pick({ surface: at(0, 0) }));
    expect(store.getState().sketchPoints).toHaveLength(1);
    // Escape in the router is setTool('select').
    store.getState().setTool('select');
    expect(store.getState().sketchPoints).toEqual([]);
  });

  it('select: a click selects the feature under the pointer, empty ground clears it, a proposed building is selected too', () => {
    const { store, id } = withBuilding();
    store.getState().selectProposedBuilding(null);
    click(store, pick({ feature: plan, surface: at(5, 5) }));
    expect(store.getState().selection).toEqual({ layerId: 'plan', featureId: 'WA1', properties: { landUse: 'WA' } });
    click(store, pick({ surface: at(500, 500) }));
    expect(store.getState().selection).toBeUndefined();
    click(store, pick({ proposedId: id, surface: at(0, 0, 6) }));
    expect(store.getState().selectedProposedId).toBe(id);
  });

  it('select → editVertex: pressing a corner handle of the selected building drags it; release moves the corner and returns to select', () => {
    const { store, id } = withBuilding();
    store.getState().selectProposedBuilding(id);
    const t = TOOL_HANDLERS.select;
    // A handle of another building, or no handle, does not start a drag.
    expect(t.onDown!(pick({ vertex: { buildingId: 'other', index: 0 } }), store)).toBe(false);
    expect(t.onDown!(pick({ surface: at(0, 0) }), store)).toBe(false);
    expect(t.onDown!(pick({ vertex: { buildingId: id, index: 0 } }), store)).toBe(true);
    expect(store.getState()).toMatchObject({ tool: 'editVertex', vertexDrag: { buildingId: id, index: 0 } });
    const to = at(-14, -9);
    TOOL_HANDLERS.editVertex.onUp!(pick({ surface: to }), store);
    const b = activeVariant(store.getState())!.buildings.find((x) => x.id === id)!;
    expect(b.footprint[0][0]).toBeCloseTo(to[0], 9);
    expect(b.footprint[0][1]).toBeCloseTo(to[1], 9);
    expect(store.getState()).toMatchObject({ tool: 'select', vertexDrag: null });
  });

  it('measure-area / measure-height: clicks add surface points (roofs included) and measure in metres', () => {
    const store = createAppStore();
    store.getState().setTool('measure-area');
    for (const [x, y] of [[0, 0], [100, 0], [100, 50], [0, 50]]) click(store, pick({ surface: at(x, y) }));
    expect(selectMeasureResult(store.getState()).areaM2).toBeCloseTo(5000, 0);
    store.getState().setTool('measure-height');
    click(store, pick({ surface: at(0, 0, 0), feature: house, onCityModel: true }));
    click(store, pick({ surface: at(0, 0, 12.5), feature: house, onCityModel: true }));
    expect(selectMeasureResult(store.getState()).heightM).toBeCloseTo(12.5, 9);
    // A measuring click never selects.
    expect(store.getState().selection).toBeUndefined();
  });

  it('measure-area: a corner on a hall roof is flagged; measured on the ground the 200 m × 100 m rectangle is 20,000 m²', () => {
    const store = createAppStore();
    store.getState().setTool('measure-area');
    // The case: the third corner's ray hits a 12 m hall roof before the ground (the roof point is nearer the camera).
    const corners = (roofed: boolean) =>
      [[0, 0], [200, 0], [200, 100], [0, 100]].map(([x, y], i) =>
        i === 2 && roofed ? pick({ surface: at(188, 91, 12), ground: at(x, y), feature: house, onCityModel: true }) : pick({ surface: at(x, y) }),
      );
    for (const p of corners(true)) click(store, p);
    const onRoof = selectMeasureResult(store.getState()).areaM2!;
    expect(Math.abs(onRoof - 20_000)).toBeGreaterThan(500);
    expect(measureOffGround(store.getState())).toEqual({ points: [3], maxAboveM: 12 });
    // "Measure on the ground": the same clicks take the ground under the pointer, through the roof.
    store.getState().setMeasureOnGround(true);
    store.getState().clearMeasure();
    for (const p of corners(true)) click(store, p);
    expect(selectMeasureResult(store.getState()).areaM2).toBeCloseTo(20_000, 3);
    expect(measureOffGround(store.getState()).points).toEqual([]);
    // A height measurement wants the roof: no warning, and it takes the surface even with the ground option on.
    store.getState().setTool('measure-height');
    click(store, pick({ surface: at(0, 0, 0) }));
    click(store, pick({ surface: at(0, 0, 12), ground: at(5, 5, 0), feature: house, onCityModel: true }));
    expect(selectMeasureResult(store.getState()).heightM).toBeCloseTo(12, 9);
    expect(measureOffGround(store.getState()).points).toEqual([]);
  });

  it('sketch: corners snap to a proposed building within 1 m, clicks never select, a click on the first corner closes the ring', () => {
    const { store } = withBuilding();
    store.getState().setTool('sketch');
    const corner = activeVariant(store.getState())!.buildings[0].footprint[1];
    const [cx, cy] = frame.toLocal(corner);
    // 0.6 m off the existing corner: snapped onto it.
    click(store, pick({ surface: at(cx + 0.6, cy), feature: plan }));
    expect(store.getState().sketchPoints[0][0]).toBeCloseTo(corner[0], 9);
    expect(store.getState().sketchPoints[0][1]).toBeCloseTo(corner[1], 9);
    expect(store.getState().selection).toBeUndefined();
    click(store, pick({ surface: at(cx + 30, cy) }));
    click(store, pick({ surface: at(cx + 30, cy + 20) }));
    expect(store.getState().sketchPoints).toHaveLength(3);
    // Within SKETCH_CLOSE_PX of the first corner on screen: closes instead of adding a corner.
    click(store, pick({ surface: at(cx + 0.6 + SKETCH_CLOSE_PX / 2, cy) }));
    expect(store.getState().sketchPoints).toEqual([]);
    expect(activeVariant(store.getState())!.buildings).toHaveLength(2);
    expect(store.getState().tool).toBe('sketch');
  });

  it('sketch: a double click closes a ring of three or more corners', () => {
    const store = createAppStore();
    store.getState().setTool('sketch');
    for (const [x, y] of [[0, 0], [20, 0], [20, 15]]) click(store, pick({ surface: at(x, y) }));
    TOOL_HANDLERS.sketch.onDoubleClick!(pick({ surface: at(20, 15) }), store);
    expect(activeVariant(store.getState())!.buildings).toHaveLength(1);
  });

  it('demolish: a click on a city-model building demolishes it; other features are ignored', () => {
    const { store } = withBuilding();
    store.getState().setTool('demolish');
    click(store, pick({ feature: plan, surface: at(0, 0) }));
    expect(activeVariant(store.getState())!.demolishedIds).toEqual([]);
    click(store, pick({ feature: house, onCityModel: true, surface: at(0, 0, 8) }));
    expect(activeVariant(store.getState())!.demolishedIds).toEqual(['DEHH_1']);
    expect(store.getState().selection).toBeUndefined();
  });

  it('placeSunPoint: on a building the point keeps the building id and clicked height; on the ground 0 m; then back to select', () => {
    const store = createAppStore();
    store.getState().setTool('placeSunPoint');
    const wall = at(3, 4, 7.5);
    click(store, pick({ feature: house, onCityModel: true, surface: wall }));
    expect(store.getState().sunPoints).toEqual([{ id: 'P1', lonLat: [wall[0], wall[1]], heightM: 7.5, onBuildingId: 'DEHH_1' }]);
    expect(store.getState().tool).toBe('select');
    store.getState().setTool('placeSunPoint');
    click(store, pick({ feature: plan, surface: at(50, 50, 0.3) }));
    expect(store.getState().sunPoints[1]).toMatchObject({ id: 'P2', heightM: 0 });
    expect(store.getState().sunPoints[1].onBuildingId).toBeUndefined();
    // The placing click does not select the plan area under it.
    expect(store.getState().selection).toBeUndefined();
  });

  it('placeFeedback: a tap puts the comment pin on the surface (building id kept), a second tap moves it, leaving the tool drops it', () => {
    const store = createAppStore();
    store.getState().setTool('placeFeedback');
    const roof = at(3, 4, 14.2);
    click(store, pick({ feature: house, onCityModel: true, surface: roof }));
    expect(store.getState().feedbackPlace).toEqual({ lon: roof[0], lat: roof[1], height: 14.2, buildingId: 'DEHH_1' });
    // The tap did not select the building (only the select tool selects).
    expect(store.getState().selection).toBeUndefined();
    const ground = at(40, -10, 0);
    click(store, pick({ feature: plan, surface: ground }));
    expect(store.getState().feedbackPlace).toEqual({ lon: ground[0], lat: ground[1], height: 0 });
    expect(store.getState().tool).toBe('placeFeedback');
    click(store, pick({}));
    expect(store.getState().feedbackPlace).not.toBeNull();
    store.getState().setTool('select');
    expect(store.getState().feedbackPlace).toBeNull();
  });

  it('select: the pointer probes the sun-hours cell under it (grid in the local EPSG:25832 frame)', () => {
    const store = createAppStore();
    const [ox, oy] = frame.toLocal(HH).map((v, i) => v + (i === 0 ? frame.originX : frame.originY));
    const result = {
      kind: 'sunHours',
      grid: { x0: 0, y0: 0, cellM: 10, nx: 2, ny: 2, originX: ox, originY: oy },
      sunHours: new Float32Array([1, 2, 3, 4]),
      building: new Uint8Array([0, 0, 0, 1]),
      stepCount: 10,
      stepHours: 1,
    } as unknown as AnalysisResult;
    store.setState({ analysisResult: result });
    const move = (x: number, y: number) => TOOL_HANDLERS.select.onMove!(pick({ ground: at(x, y) }), store);
    move(15, 5);
    expect(store.getState().analysisProbe?.hours).toBe(2);
    move(5, 15);
    expect(store.getState().analysisProbe?.hours).toBe(3);
    move(15, 15);
    expect(store.getState().analysisProbe?.hours).toBeNull();
    move(50, 50);
    expect(store.getState().analysisProbe).toBeUndefined();
  });

  it('no tool but select and editVertex reacts to a press (the camera keeps its drag)', () => {
    const { store, id } = withBuilding();
    store.getState().selectProposedBuilding(id);
    for (const t of TOOLS.filter((x): x is Tool => x !== 'select' && x !== 'editVertex')) {
      expect(TOOL_HANDLERS[t].onDown?.(pick({ vertex: { buildingId: id, index: 0 } }), store) ?? false).toBe(false);
    }
  });
});
