import { describe, expect, it } from 'vitest';
import { createAppStore, formatUrlState, parseUrlState, layerOverridesFromUrl, selectLayerGroups, selectAttributions, selectMeasureResult } from '../../../src/state';
import type { Catalog } from '../../../src/core/model/Catalog';
import { missingSharedFiles } from '../../../src/state/droppedFilesSlice';
import proj4 from 'proj4';

const catalog: Catalog = {
  id: 't',
  title: { de: 'Test', en: 'Test' },
  crs: 'EPSG:25832',
  origin: [565000, 5933000],
  home: { id: 'home', title: { de: 'Start', en: 'Home' }, lon: 10, lat: 53.55, height: 800, headingDeg: 0, pitchDeg: -45 },
  viewpoints: [],
  layers: [
    { id: 'plan', title: { de: 'Plan', en: 'Plan' }, group: { de: 'Planung', en: 'Planning' }, type: 'geojson-polygons', url: 'plan.geojson', defaultVisible: true, attribution: '© FHH, LGV, dl-de/by-2.0' },
    { id: 'trees', title: { de: 'Bäume', en: 'Trees' }, group: { de: 'Umwelt', en: 'Environment' }, type: 'geojson-points', url: 't.geojson', defaultVisible: false, opacity: 0.8, attribution: '© FHH' },
    { id: 'osm', title: { de: 'OSM', en: 'OSM' }, group: { de: 'Basiskarten', en: 'Base maps' }, type: 'xyz', url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', defaultVisible: true, online: true, attribution: '© OpenStreetMap' },
  ],
};

describe('createAppStore', () => {
  it('composes the slices with defaults', () => {
    const s = createAppStore().getState();
    expect(s.lang).toBe('de');
    expect(s.dataset).toBe('demo');
    expect(s.buildingStyle).toBe('default');
    expect(s.tool).toBe('select');
  });

  it('installs a catalog with defaults; online layers stay off', () => {
    const store = createAppStore();
    store.getState().setCatalog(catalog, 'data/t/catalog.json');
    const s = store.getState();
    expect(s.layers).toEqual({ plan: { visible: true, opacity: 1 }, trees: { visible: false, opacity: 0.8 }, osm: { visible: false, opacity: 1 } });
    expect(selectLayerGroups(s).map((g) => g.group.en)).toEqual(['Planning', 'Environment', 'Base maps']);
    expect(selectAttributions(s)).toEqual(['© FHH, LGV, dl-de/by-2.0']);
    store.getState().setLayerOpacity('plan', 1.7);
    expect(store.getState().layers.plan.opacity).toBe(1);
    expect(() => store.getState().setLayerVisible('nope', true)).toThrow(/nope/);
  });

  it('sets local Berlin date and time of day', () => {
    const store = createAppStore();
    store.getState().setLocalDate('2026-06-21');
    store.getState().setLocalMinutes(9 * 60);
    expect(new Date(store.getState().timeMs).toISOString()).toBe('2026-06-21T07:00:00.000Z');
  });

  it('measures an area in EPSG:25832 from picked points', () => {
    const store = createAppStore();
    store.getState().setTool('measure-area');
    for (const [x, y] of [[565000, 5933000], [565100, 5933000], [565100, 5933050], [565000, 5933050]]) {
      const [lon, lat] = proj4('+proj=utm +zone=32 +ellps=GRS80 +units=m', 'WGS84', [x, y]);
      store.getState().addMeasurePoint([lon, lat, 0]);
    }
    expect(selectMeasureResult(store.getState()).areaM2).toBeCloseTo(5000, 3);
    store.getState().setTool('measure-height');
    store.getState().addMeasurePoint([10, 53.5, 1]);
    store.getState().addMeasurePoint([10, 53.5, 13]);
    expect(selectMeasureResult(store.getState()).heightM).toBeCloseTo(12, 9);
    store.getState().addMeasurePoint([10, 53.5, 4]);
    expect(store.getState().measurePoints).toHaveLength(1);
  });
});

describe('urlState', () => {
  it('round-trips the shareable state', () => {
    const a = createAppStore();
    a.getState().setCatalog(catalog, 'x');
    a.getState().setLang('en');
    a.getState().cameraChanged({ lon: 9.993, lat: 53.5511, height: 420.25, headingDeg: 30, pitchDeg: -35 });
    a.getState().setLayerVisible('trees', true);
    a.getState().setLayerOpacity('plan', 0.4);
    a.getState().setTime(Date.parse('2026-03-21T08:15:00Z'));
    a.getState().setBuildingStyle('height');
    a.getState().select({ layerId: 'plan', featureId: 'B~1 x', properties: {} });
    a.getState().setShadows(true);
    const qs = formatUrlState(a.getState());
    const u = parseUrlState(qs);
    expect(u).toMatchObject({
      dataset: 'demo',
      lang: 'en',
      camera: { lon: 9.993, lat: 53.5511, height: 420.3, headingDeg: 30, pitchDeg: -35 },
      visibleLayers: ['plan', 'trees'],
      opacity: { plan: 0.4, trees: 0.8 },
      timeMs: Date.parse('2026-03-21T08:15:00Z'),
      buildingStyle: 'height',
      selection: { layerId: 'plan', featureId: 'B~1 x' },
      shadows: true,
    });
    const b = createAppStore();
    b.getState().setCatalog(catalog, 'x', layerOverridesFromUrl(u, catalog.layers.map((l) => l.id)));
    expect(b.getState().layers).toEqual(a.getState().layers);
  });

  it('ignores malformed parameters', () => {
    expect(parseUrlState('?cam=1,2,x&lang=fr&t=never&style=<b>&dataset=../etc')).toEqual({});
  });

  it('names the own files in the link (file=, repeated); the recipient without them sees which are missing', () => {
    const a = createAppStore();
    a.getState().openDroppedFiles([new File(['{}'], 'HafenCity 7, Teil A.gml'), new File(['x'], 'bericht.pdf')]);
    const qs = formatUrlState(a.getState());
    // Only files that are (or will be) shown; names with commas and spaces survive the round trip.
    expect(parseUrlState(qs).files).toEqual(['HafenCity 7, Teil A.gml']);
    const b = createAppStore();
    b.getState().setSharedFileNames(parseUrlState(qs).files!);
    expect(missingSharedFiles(b.getState())).toEqual([]); // not before the stored files are back
    b.getState().setDroppedFilesRestored();
    expect(missingSharedFiles(b.getState())).toEqual(['HafenCity 7, Teil A.gml']);
    // Re-shared before opening it, the link still names it; opened, it is no longer missing.
    expect(parseUrlState(formatUrlState(b.getState())).files).toEqual(['HafenCity 7, Teil A.gml']);
    b.getState().openDroppedFiles([new File(['{}'], 'HafenCity 7, Teil A.gml')]);
    expect(missingSharedFiles(b.getState())).toEqual([]);
    expect(parseUrlState('?file=&file=a%00b&file=ok.gml&file=ok.gml').files).toEqual(['ok.gml']);
  });
});
