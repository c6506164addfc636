import {
  Axis,
  Cartesian2,
  Cartesian3,
  Cesium3DTileset,
  Color,
  EllipsoidSurfaceAppearance,
  GeometryInstance,
  Material,
  PolygonGeometry,
  Primitive,
  ConstantProperty,
  CustomDataSource,
  Model,
  PolygonHierarchy,
  ShadowMode,
  SplitDirection,
  Transforms,
  type Cesium3DTileContent,
  type Cesium3DTileFeature,
  type Viewer,
} from 'cesium';
import { LocalFrame } from '../core/crs';
import { exportMassingGlb, footprintCentroidLonLat } from '../core/massing/exportMassingGlb';
import type { SunDelta } from '../core/analysis/compare/compareVariants';
import type { ProposedBuilding, Variant } from '../core/model/Scenario';
import type { AppState, AppStore } from '../state';
import { findVariant } from '../state/scenarioSlice';

// Attribute names that hold the building id in the converters' tilesets (as TilesetLayer reads them).
const ID_NAMES = ['id', 'gml_id', 'gmlId', 'objectid'];

/** Building id of a 3D Tiles feature. */
export function tileFeatureId(f: Cesium3DTileFeature): string {
  const names = f.getPropertyIds();
  const n = ID_NAMES.find((c) => names.includes(c));
  return String(n ? f.getProperty(n) : f.featureId);
}

interface ModelEntry {
  building: ProposedBuilding;
  side: SplitDirection;
  model: Model | undefined;
  destroyed: boolean;
}

const SKETCH = Color.fromCssColorString('#d9480f');
const SELECTED = Color.fromCssColorString('#0b6bcb');

/**
 * Reconciles the scenario state into the scene:
 * - each proposed building of the shown variant(s) is a glTF model (massing from
 *   three.js) that casts and receives Cesium shadows; rebuilt only when that
 *   building object changes;
 * - demolished city-model buildings are hidden per feature
 *   (`Cesium3DTileFeature.show = false`), re-applied as tiles load and after
 *   restyling (a style without `show` shows every feature again);
 * - while two different variants are compared, every tileset gets a twin loaded
 *   from the same url: the original is drawn left of the divider with the left
 *   variant's demolitions, the twin right of it with the right variant's (a
 *   feature's `show` cannot differ per split side); the twin follows the
 *   original's style and visibility and is removed when comparison ends;
 * - the footprint being sketched and the selected building's outline are entities;
 * - in compare "swipe"/"split" mode, the left variant's models are drawn left of
 *   `scene.splitPosition` and the right variant's right of it.
 */
export class ScenarioSync {
  private readonly models = new Map<string, ModelEntry>();
  private readonly ds = new CustomDataSource('scenario-sketch');
  private heatPrimitive: Primitive | undefined;
  /** Demolished ids hidden in the original tilesets (left side) and in their twins (right side). */
  private hidden = { left: new Set<string>(), right: new Set<string>() };
  private hiddenKey = '';
  private hiddenVersion = 0;
  private split = false;
  /** Original tileset → its right-side twin (or 'loading'), only while comparing two variants. */
  private readonly twins = new Map<Cesium3DTileset, Cesium3DTileset | 'loading'>();
  private readonly twinSet = new WeakSet<Cesium3DTileset>();
  private readonly hooked = new WeakSet<Cesium3DTileset>();
  private readonly contentVersion = new WeakMap<Cesium3DTileContent, { v: number; features: Cesium3DTileFeature[] }>();
  private pendingModels = 0;
  private readonly unsub: () => void;
  private readonly removePreRender: () => void;

  constructor(
    private readonly viewer: Viewer,
    private readonly store: AppStore,
  ) {
    void viewer.dataSources.add(this.ds);
    this.unsub = store.subscribe((s, prev) => {
      if (
        s.scenarios !== prev.scenarios ||
        s.activeScenarioId !== prev.activeScenarioId ||
        s.activeVariantId !== prev.activeVariantId ||
        s.sketchPoints !== prev.sketchPoints ||
        s.selectedProposedId !== prev.selectedProposedId ||
        s.scenarioCompare !== prev.scenarioCompare
      ) {
        this.reconcile(s);
      }
      if (s.scenarioSunDelta !== prev.scenarioSunDelta) this.drawSunDelta(s.scenarioSunDelta);
    });
    // Tilesets are created lazily by the layers; hook new ones as they appear.
    this.removePreRender = viewer.scene.preRender.addEventListener(() => {
      this.syncTwins();
      this.hookTilesets();
    });
    this.reconcile(store.getState());
  }

  /** Variants on screen: one normally, two in compare mode (left, right). */
  private shown(s: AppState): { left: Variant | null; right: Variant | null; compare: boolean } {
    const c = s.scenarioCompare;
    if (c.mode !== 'off') return { left: findVariant(s, c.left), right: findVariant(s, c.right), compare: true };
    const v = findVariant(s, s.activeVariantId);
    return { left: v, right: v, compare: false };
  }

  private reconcile(s: AppState): void {
    const { left, right, compare } = this.shown(s);
    const scene = this.viewer.scene;
    const wanted = new Map<string, { b: ProposedBuilding; side: SplitDirection }>();
    const add = (v: Variant | null, side: SplitDirection) => v?.buildings.forEach((b) => wanted.set(`${side}:${b.id}`, { b, side }));
    if (compare && left?.id !== right?.id) {
      add(left, SplitDirection.LEFT);
      add(right, SplitDirection.RIGHT);
    } else add(left, SplitDirection.NONE);
    for (const [key, e] of this.models) {
      const w = wanted.get(key);
      if (!w || w.b !== e.building) this.dropModel(key);
    }
    for (const [key, w] of wanted) if (!this.models.has(key)) this.addModel(key, w.b, w.side);

    // Demolished: per side while two variants are compared (the right side on the twin tilesets).
    this.split = compare && left?.id !== right?.id;
    const leftIds = new Set(left?.demolishedIds ?? []);
    const rightIds = this.split ? new Set(right?.demolishedIds ?? []) : leftIds;
    const key = JSON.stringify([[...leftIds].sort(), [...rightIds].sort()]);
    if (key !== this.hiddenKey) {
      this.hiddenKey = key;
      this.hidden = { left: leftIds, right: rightIds };
      this.hiddenVersion++;
    }
    scene.splitPosition = compare ? s.scenarioCompare.swipe : 0.5;
    this.drawOverlays(s);
    scene.requestRender();
  }

  private addModel(key: string, b: ProposedBuilding, side: SplitDirection): void {
    const entry: ModelEntry = { building: b, side, model: undefined, destroyed: false };
    this.models.set(key, entry);
    this.pendingModels++;
    const origin = footprintCentroidLonLat(b.footprint);
    exportMassingGlb([b], origin)
      .then(async (glb) => {
        if (entry.destroyed) return;
        const url = URL.createObjectURL(new Blob([glb as Uint8Array<ArrayBuffer>], { type: 'model/gltf-binary' }));
        try {
          const model = await Model.fromGltfAsync({
            url,
            modelMatrix: Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(origin[0], origin[1], 0)),
            shadows: ShadowMode.ENABLED,
            splitDirection: side,
            // The glb is y-up with x east; without this Cesium would also turn glTF +z (south) to +x.
            forwardAxis: Axis.X,
            id: { proposedBuildingId: b.id },
          });
          if (entry.destroyed) {
            model.destroy();
            return;
          }
          entry.model = model;
          this.viewer.scene.primitives.add(model);
          await new Promise<void>((resolve) => {
            if (model.ready) return resolve();
            const off = model.readyEvent.addEventListener(() => {
              off();
              resolve();
            });
          });
        } finally {
          URL.revokeObjectURL(url);
        }
      })
      .catch((e: unknown) => this.store.getState().setScenarioMessage({ kind: 'error', code: 'scenario.massingFailed', params: { name: b.name, detail: String((e as Error)?.message ?? e) } }))
      .finally(() => {
        this.pendingModels--;
        this.viewer.scene.requestRender();
      });
  }

  private dropModel(key: string): void {
    const e = this.models.get(key);
    if (!e) return;
    e.destroyed = true;
    if (e.model) this.viewer.scene.primitives.remove(e.model); // remove() destroys it
    this.models.delete(key);
  }

  private hookTilesets(): void {
    const prims = this.viewer.scene.primitives;
    for (let i = 0; i < prims.length; i++) {
      const p = prims.get(i);
      if (p instanceof Cesium3DTileset && !this.hooked.has(p)) {
        this.hooked.add(p);
        // Runs for every visible tile each frame, after styling: cheap, because
        // the demolished features of a tile are looked up once per change.
        const hidden = () => (this.twinSet.has(p) ? this.hidden.right : this.hidden.left);
        p.tileVisible.addEventListener((tile: { content: Cesium3DTileContent }) => this.hideIn(tile.content, hidden()));
      }
    }
  }

  /** Creates, updates and removes the right-side twins of the tilesets (see the class comment). */
  private syncTwins(): void {
    const prims = this.viewer.scene.primitives;
    if (this.split) {
      for (let i = 0; i < prims.length; i++) {
        const p = prims.get(i);
        if (!(p instanceof Cesium3DTileset) || this.twinSet.has(p) || this.twins.has(p)) continue;
        this.twins.set(p, 'loading');
        p.splitDirection = SplitDirection.LEFT;
        void Cesium3DTileset.fromUrl(p.resource.clone(), { shadows: p.shadows, maximumScreenSpaceError: p.maximumScreenSpaceError })
          .then((tw) => {
            if (this.twins.get(p) !== 'loading' || p.isDestroyed()) {
              tw.destroy();
              return;
            }
            tw.splitDirection = SplitDirection.RIGHT;
            tw.colorBlendMode = p.colorBlendMode;
            tw.style = p.style;
            tw.show = p.show;
            this.twinSet.add(tw);
            this.twins.set(p, tw);
            this.viewer.scene.primitives.add(tw);
            this.viewer.scene.requestRender();
          })
          .catch(() => {
            // The original loaded from this url; if the twin cannot, the right side shows no city model.
            if (this.twins.get(p) === 'loading') this.twins.delete(p);
          });
      }
    }
    for (const [orig, tw] of this.twins) {
      const gone = orig.isDestroyed() || !prims.contains(orig);
      if (this.split && !gone) {
        if (tw === 'loading') continue;
        if (tw.style !== orig.style) tw.style = orig.style;
        if (tw.show !== orig.show) tw.show = orig.show;
        if (tw.colorBlendMode !== orig.colorBlendMode) tw.colorBlendMode = orig.colorBlendMode;
        continue;
      }
      if (tw !== 'loading') prims.remove(tw); // remove() destroys it
      if (!gone) orig.splitDirection = SplitDirection.NONE;
      this.twins.delete(orig);
    }
  }

  private hideIn(content: Cesium3DTileContent, hidden: Set<string>): void {
    if (!content || content.featuresLength === 0) return;
    let c = this.contentVersion.get(content);
    if (!c || c.v !== this.hiddenVersion) {
      const features: Cesium3DTileFeature[] = [];
      if (hidden.size) {
        for (let i = 0; i < content.featuresLength; i++) {
          const f = content.getFeature(i);
          if (hidden.has(tileFeatureId(f))) features.push(f);
          else if (!f.show) f.show = true; // restored (undo) — style may not re-run
        }
      } else {
        for (let i = 0; i < content.featuresLength; i++) {
          const f = content.getFeature(i);
          if (!f.show) f.show = true;
        }
      }
      c = { v: this.hiddenVersion, features };
      this.contentVersion.set(content, c);
    }
    for (const f of c.features) if (f.show) f.show = false;
  }

  private drawOverlays(s: AppState): void {
    this.ds.entities.removeAll();
    const pts = s.sketchPoints.map((p) => Cartesian3.fromDegrees(p[0], p[1], 0.3));
    for (const p of pts) {
      this.ds.entities.add({ position: p, point: { pixelSize: 10, color: Color.WHITE, outlineColor: SKETCH, outlineWidth: 3, disableDepthTestDistance: Number.POSITIVE_INFINITY } });
    }
    if (pts.length >= 2) this.ds.entities.add({ polyline: { positions: pts.length >= 3 ? [...pts, pts[0]] : pts, width: 3, material: SKETCH, clampToGround: false } });
    if (pts.length >= 3) this.ds.entities.add({ polygon: { hierarchy: new ConstantProperty(new PolygonHierarchy(pts)), material: SKETCH.withAlpha(0.25), height: 0.2 } });
    const sel = s.selectedProposedId ? findVariant(s, s.activeVariantId)?.buildings.find((b) => b.id === s.selectedProposedId) : undefined;
    if (sel) {
      const ring = sel.footprint.map((p) => Cartesian3.fromDegrees(p[0], p[1], 0.4));
      this.ds.entities.add({ polyline: { positions: ring, width: 4, material: SELECTED } });
      sel.footprint.slice(0, -1).forEach((p, i) =>
        this.ds.entities.add({
          id: `scenario-vertex:${sel.id}:${i}`,
          position: Cartesian3.fromDegrees(p[0], p[1], 0.4),
          point: { pixelSize: 12, color: SELECTED, outlineColor: Color.WHITE, outlineWidth: 2, disableDepthTestDistance: Number.POSITIVE_INFINITY },
        }),
      );
    }
  }

  /** True when every model of the shown variants is built and on screen. */
  isSettled(): boolean {
    return this.pendingModels === 0;
  }

  /** Ids of the proposed buildings currently drawn as models (ready or loading). */
  modelIds(): string[] {
    return [...this.models.values()].filter((e) => e.model?.ready).map((e) => e.building.id);
  }

  /** Id of the proposed building drawn at a window (CSS px) position, if any. */
  proposedIdAt(x: number, y: number): string | undefined {
    const r = this.viewer.scene.canvas.getBoundingClientRect();
    const picked = this.viewer.scene.pick(new Cartesian2(x - r.left, y - r.top));
    return (picked?.id as { proposedBuildingId?: string } | undefined)?.proposedBuildingId;
  }

  /**
   * Whether a loaded feature with this id is drawn (false when hidden as demolished;
   * undefined when not loaded). With `side`, only the tilesets drawn on that side of
   * the compare divider count ('left': the originals, 'right': their twins).
   */
  featureShown(id: string, side?: 'left' | 'right'): boolean | undefined {
    const prims = this.viewer.scene.primitives;
    let found: boolean | undefined;
    for (let i = 0; i < prims.length; i++) {
      const ts = prims.get(i);
      if (!(ts instanceof Cesium3DTileset)) continue;
      if (side && (side === 'right') !== this.twinSet.has(ts)) continue;
      const visit = (tile: { content: Cesium3DTileContent; children: unknown[] }) => {
        const c = tile.content;
        if (c) for (let k = 0; k < c.featuresLength; k++) if (tileFeatureId(c.getFeature(k)) === id) found = (found ?? false) || c.getFeature(k).show;
        for (const ch of tile.children as { content: Cesium3DTileContent; children: unknown[] }[]) visit(ch);
      };
      visit(ts.root as unknown as { content: Cesium3DTileContent; children: unknown[] });
    }
    return found;
  }

  destroy(): void {
    this.unsub();
    this.removePreRender();
    this.split = false;
    this.syncTwins();
    for (const key of [...this.models.keys()]) this.dropModel(key);
    this.viewer.dataSources.remove(this.ds, true);
    if (this.heatPrimitive) this.viewer.scene.primitives.remove(this.heatPrimitive);
  }

  /**
   * Sun-hour difference heatmap on the ground: red where the "after" side
   * loses sun, blue where it gains, transparent below 0.25 h and in buildings.
   */
  private drawSunDelta(d: SunDelta | null): void {
    if (this.heatPrimitive) this.viewer.scene.primitives.remove(this.heatPrimitive);
    this.heatPrimitive = undefined;
    if (d) {
      const g = d.grid;
      const canvas = document.createElement('canvas');
      canvas.width = g.nx;
      canvas.height = g.ny;
      const ctx = canvas.getContext('2d')!;
      const img = ctx.createImageData(g.nx, g.ny);
      const span = Math.max(1, Math.abs(d.minDeltaHours), Math.abs(d.maxDeltaHours));
      for (let j = 0; j < g.ny; j++) {
        for (let i = 0; i < g.nx; i++) {
          const v = d.deltaHours[j * g.nx + i];
          const o = ((g.ny - 1 - j) * g.nx + i) * 4; // row 0 is south; canvas row 0 is north
          if (!Number.isFinite(v) || Math.abs(v) < 0.25) continue;
          const a = Math.min(1, 0.35 + (0.65 * Math.abs(v)) / span);
          img.data.set(v < 0 ? [215, 48, 39, Math.round(a * 255)] : [33, 102, 172, Math.round(a * 255)], o);
        }
      }
      ctx.putImageData(img, 0, 0);
      const frame = new LocalFrame(g.originX, g.originY);
      const x1 = g.x0 + g.nx * g.cellM;
      const y1 = g.y0 + g.ny * g.cellM;
      const corners = [frame.toWgs84([g.x0, g.y0]), frame.toWgs84([x1, g.y0]), frame.toWgs84([x1, y1]), frame.toWgs84([g.x0, y1])];
      // Grid x (UTM east) is turned against true east by the meridian convergence.
      const [sw, se] = corners;
      const gamma = Math.atan2((se[1] - sw[1]) * 111_132, (se[0] - sw[0]) * 111_320 * Math.cos((sw[1] * Math.PI) / 180));
      // A synchronous primitive (not an entity): it shows on the next frame, which the tests and a user expect.
      this.heatPrimitive = new Primitive({
        geometryInstances: new GeometryInstance({
          geometry: new PolygonGeometry({
            polygonHierarchy: new PolygonHierarchy(corners.map((c) => Cartesian3.fromDegrees(c[0], c[1], 0))),
            height: 0.5,
            stRotation: gamma,
            vertexFormat: EllipsoidSurfaceAppearance.VERTEX_FORMAT,
          }),
        }),
        appearance: new EllipsoidSurfaceAppearance({ material: Material.fromType('Image', { image: canvas }), aboveGround: true, translucent: true }),
        asynchronous: false,
      });
      this.viewer.scene.primitives.add(this.heatPrimitive);
    }
    this.viewer.scene.requestRender();
  }
}
