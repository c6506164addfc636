import {
  Cartesian3,
  Color,
  ColorGeometryInstanceAttribute,
  GeometryInstance,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  Primitive,
} from 'cesium';
import type { Polygon, Position } from 'geojson';
import { classifyBuilding, SELECTION_COLOR } from '../../core/style/buildingStyles';
import type { LayerLook, PickedFeature, SceneLayer } from './SceneLayer';
import { GeoJsonFeatureLayer } from './GeoJsonFeatureLayer';

const DEFAULT_COLOR = '#d9cbb3';

function ring(coords: Position[]): Cartesian3[] {
  // GeoJSON rings repeat the first point; Cesium closes polygons itself.
  const pts = coords.length > 1 && coords[0][0] === coords[coords.length - 1][0] && coords[0][1] === coords[coords.length - 1][1] ? coords.slice(0, -1) : coords;
  return pts.map((p) => Cartesian3.fromDegrees(p[0], p[1], 0));
}

/**
 * GeoJSON building footprints drawn as blocks (the registry uses it for
 * dropped CityGML/CityJSON files, `role: 'buildingFootprints'`): each
 * footprint extruded from the ground (ellipsoid height 0, like the converted
 * 3D Tiles, the offline viewer has no terrain) to its `heightM` (flat when it
 * has none), one geometry instance per building in a single primitive, so
 * thousands of buildings stay one draw call.
 */
export class ExtrudedBuildingsLayer extends GeoJsonFeatureLayer implements SceneLayer {
  private primitive: Primitive | undefined;
  /** Instance ids per feature (a MultiPolygon gives several instances). */
  private readonly instances = new Map<string, string[]>();
  private applied: { opacity: number; selected: string | undefined; style: string } | undefined;

  async load(): Promise<{ featureCount?: number }> {
    // Roof rings are geometry, not attributes to list in the feature panel.
    const data = await this.fetchFeatures(({ roofs: _roofs, ...attrs }) => attrs);
    const geometryInstances: GeometryInstance[] = [];
    data.features.forEach((f) => {
      const fid = f.id as string;
      const heightM = Number(f.properties?.heightM);
      if (!f.geometry) return;
      const polys: Position[][][] = f.geometry.type === 'Polygon' ? [(f.geometry as Polygon).coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [];
      const ids: string[] = [];
      polys.forEach((poly, k) => {
        const id = `${fid}\u0000${k}`;
        ids.push(id);
        geometryInstances.push(
          new GeometryInstance({
            id,
            geometry: new PolygonGeometry({
              polygonHierarchy: new PolygonHierarchy(ring(poly[0]), poly.slice(1).map((h) => new PolygonHierarchy(ring(h)))),
              height: 0,
              extrudedHeight: heightM > 0 ? heightM : undefined,
              vertexFormat: PerInstanceColorAppearance.VERTEX_FORMAT,
            }),
            attributes: { color: ColorGeometryInstanceAttribute.fromColor(Color.fromCssColorString(DEFAULT_COLOR)) },
          }),
        );
      });
      this.instances.set(fid, ids);
    });
    if (geometryInstances.length === 0 || this.destroyed) return { featureCount: data.features.length };
    const primitive = new Primitive({
      geometryInstances,
      appearance: new PerInstanceColorAppearance({ closed: true, translucent: false }),
      // Colours and opacity change per instance later.
      releaseGeometryInstances: true,
      allowPicking: true,
      asynchronous: true,
    });
    this.primitive = this.viewer.scene.primitives.add(primitive) as Primitive;
    // Geometry is built in Cesium's workers; wait for the primitive to become drawable.
    await new Promise<void>((resolve, reject) => {
      const scene = this.viewer.scene;
      const check = () => {
        if (!this.primitive) {
          scene.postRender.removeEventListener(check);
          resolve();
        } else if (this.primitive.ready) {
          scene.postRender.removeEventListener(check);
          resolve();
        } else scene.requestRender();
      };
      scene.postRender.addEventListener(check);
      scene.requestRender();
      setTimeout(() => reject(new Error(`layer "${this.def.id}": buildings not ready after 120 s`)), 120_000);
    });
    if (this.last) this.apply(this.last);
    return { featureCount: data.features.length };
  }

  private colorOf(fid: string, look: LayerLook): Color {
    if (fid === look.selectedFeatureId) return Color.fromCssColorString(SELECTION_COLOR);
    const p = this.props.get(fid) ?? {};
    const cls = classifyBuilding(look.buildingStyle, { heightM: Number(p.heightM), function: p.function as string | undefined, roofType: p.roofType as string | undefined });
    const base = cls?.color ?? (this.def.style?.kind === 'fill' ? this.def.style.color : DEFAULT_COLOR);
    return Color.fromCssColorString(base).withAlpha(look.opacity);
  }

  apply(look: LayerLook): void {
    this.last = look;
    const p = this.primitive;
    if (!p) return;
    p.show = look.visible;
    if (!p.ready) return;
    const key = { opacity: look.opacity, selected: look.selectedFeatureId, style: look.buildingStyle };
    if (this.applied && this.applied.opacity === key.opacity && this.applied.selected === key.selected && this.applied.style === key.style) return;
    this.applied = key;
    const translucent = look.opacity < 1;
    if ((p.appearance as PerInstanceColorAppearance).translucent !== translucent) p.appearance = new PerInstanceColorAppearance({ closed: true, translucent });
    for (const [fid, ids] of this.instances) {
      const c = ColorGeometryInstanceAttribute.toValue(this.colorOf(fid, look));
      for (const id of ids) {
        const attrs = p.getGeometryInstanceAttributes(id) as { color: Uint8Array } | undefined;
        if (attrs) attrs.color = c;
      }
    }
    this.viewer.scene.requestRender();
  }

  isSettled(): boolean {
    return !this.primitive || this.primitive.ready;
  }

  featureOf(picked: unknown): PickedFeature | undefined {
    const p = picked as { primitive?: unknown; id?: unknown } | undefined;
    if (!p || !this.primitive || p.primitive !== this.primitive || typeof p.id !== 'string') return undefined;
    const fid = p.id.split('\u0000')[0];
    return this.instances.has(fid) ? { featureId: fid, properties: this.props.get(fid) } : undefined;
  }

  destroy(): void {
    this.destroyed = true;
    if (this.primitive) this.viewer.scene.primitives.remove(this.primitive);
    this.primitive = undefined;
  }
}
