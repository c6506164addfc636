import {
  Cartesian3,
  ClassificationType,
  DistanceDisplayCondition,
  HorizontalOrigin,
  LabelStyle,
  VerticalOrigin,
  Color,
  ColorMaterialProperty,
  ConstantProperty,
  GeoJsonDataSource,
  HeightReference,
  JulianDate,
  NearFarScalar,
  PolygonHierarchy,
  type Entity,
} from 'cesium';
import { planzvClass } from '../../core/planning/planzvColors';
import { SELECTION_COLOR } from '../../core/style/buildingStyles';
import { drawSymbol } from '../symbols';
import type { LayerLook, PickedFeature, SceneLayer } from './SceneLayer';
import { GeoJsonFeatureLayer } from './GeoJsonFeatureLayer';

/** Alpha of plan polygons at opacity 1: they are drapes, the ground stays readable. */
const FILL_ALPHA = 0.65;

/** Base-map colours by the feature's `kind`, and their drawing order (higher on top) inside the base layer. */
const BASE_KIND: Record<string, { color: string; z: number }> = {
  land: { color: '#eeebe4', z: 0 },
  block: { color: '#dcd6ca', z: 1 },
  park: { color: '#c5dcb0', z: 1 },
  street: { color: '#ffffff', z: 2 },
  water: { color: '#9ec5e6', z: 2 },
};
const BASE_OTHER = { color: '#e4e0d8', z: 1 };
/** Base-map labels show up to this camera distance (a district, not a city). */
const LABEL_MAX_DISTANCE_M = 4000;

/** Mean of a polygon's outer ring (the demo's streets and blocks are rectangles): where its label goes. */
function labelPosition(g: GeoJSON.Geometry): [number, number] | undefined {
  const ring = g.type === 'Polygon' ? g.coordinates[0] : g.type === 'MultiPolygon' ? g.coordinates[0]?.[0] : undefined;
  if (!ring?.length) return undefined;
  const pts = ring.length > 1 ? ring.slice(0, -1) : ring;
  return [pts.reduce((a, p) => a + p[0], 0) / pts.length, pts.reduce((a, p) => a + p[1], 0) / pts.length];
}

/**
 * GeoJSON polygons (draped on the ground, coloured by PlanZV land use or a
 * fill colour), points (canvas symbols) and lines, loaded into a
 * GeoJsonDataSource. Every feature gets a stable id (feature `id`,
 * `properties.id` or its index) so selections survive reloads and URLs.
 */
export class GeoJsonLayer extends GeoJsonFeatureLayer implements SceneLayer {
  private ds: GeoJsonDataSource | undefined;
  private readonly entityFeature = new Map<Entity, string>();
  /** Boundary lines drawn for polygon layers whose style has an `outline` colour. */
  private readonly outlines = new Map<Entity, string>();
  /** Labels of a base map (not features: they are not picked or coloured). */
  private readonly labels = new Set<Entity>();

  async load(): Promise<{ featureCount?: number }> {
    const json = await this.fetchFeatures((p) => ({ ...p }));
    const ds = await GeoJsonDataSource.load(json, {
      clampToGround: true,
      // Descriptions are HTML; the app shows attributes as text instead.
      describe: () => '',
    });
    if (this.destroyed) {
      ds.entities.removeAll();
      return { featureCount: json.features.length };
    }
    for (const e of ds.entities.values) {
      const fid = this.props.has(e.id) ? e.id : e.id.replace(/_\d+$/, '');
      if (this.props.has(fid)) this.entityFeature.set(e, fid);
      // Lines drape on the ground only; draped on 3D Tiles too they would paint building walls.
      if (e.polyline) e.polyline.classificationType = new ConstantProperty(ClassificationType.TERRAIN);
      if (e.polygon) {
        e.polygon.classificationType = new ConstantProperty(ClassificationType.TERRAIN);
        // Outlines are not supported on ground-clamped polygons (Cesium would warn).
        e.polygon.outline = new ConstantProperty(false);
      }
      if (e.billboard) {
        const st = this.def.style?.kind === 'point' ? this.def.style : undefined;
        e.billboard.image = new ConstantProperty(drawSymbol(st?.symbol ?? 'pin', st?.color ?? '#d94f3d'));
        e.billboard.heightReference = new ConstantProperty(HeightReference.CLAMP_TO_GROUND);
        e.billboard.width = new ConstantProperty(22);
        e.billboard.height = new ConstantProperty(22);
        // Symbols shrink with distance so a street of trees stays readable from afar.
        e.billboard.scaleByDistance = new ConstantProperty(new NearFarScalar(100, 1.0, 2000, 0.35));
        // Depth-tested: a tree behind a building is hidden by it.
        e.billboard.disableDepthTestDistance = new ConstantProperty(0);
      }
    }
    const style = this.def.style;
    if (style?.kind === 'base') {
      // Land under blocks under streets and water, inside the one layer.
      for (const [e, fid] of this.entityFeature) if (e.polygon) e.polygon.zIndex = new ConstantProperty((BASE_KIND[String(this.props.get(fid)?.kind ?? '')] ?? BASE_OTHER).z);
      this.addBaseLabels(ds, json);
    }
    if (style?.kind === 'fill' && style.outline) {
      const time = JulianDate.now();
      for (const [e, fid] of [...this.entityFeature]) {
        const h = e.polygon?.hierarchy?.getValue(time) as PolygonHierarchy | undefined;
        if (!h) continue;
        for (const ring of [h.positions, ...h.holes.map((x) => x.positions)]) {
          if (ring.length < 2) continue;
          const line = ds.entities.add({ polyline: { positions: [...ring, ring[0]], clampToGround: true, width: 2, classificationType: ClassificationType.TERRAIN } });
          this.outlines.set(line, fid);
          this.entityFeature.set(line, fid);
        }
      }
    }
    this.ds = ds;
    await this.viewer.dataSources.add(ds);
    // A base map lies under every other drape (ground primitives are drawn in data-source order).
    if (style?.kind === 'base') this.viewer.dataSources.lowerToBottom(ds);
    if (this.last) this.apply(this.last, true);
    return { featureCount: json.features.length };
  }

  /**
   * Street and water names of a base map, written flat over the ground: white-haloed text that stays readable
   * over buildings (no depth test) and shows only at district distances.
   */
  private addBaseLabels(ds: GeoJsonDataSource, json: GeoJSON.FeatureCollection): void {
    for (const f of json.features) {
      const text = (f.properties as Record<string, unknown> | null)?.label;
      const at = typeof text === 'string' && f.geometry ? labelPosition(f.geometry) : undefined;
      if (!at) continue;
      const water = (f.properties as Record<string, unknown>).kind === 'water';
      const e = ds.entities.add({
        position: Cartesian3.fromDegrees(at[0], at[1], 2),
        label: {
          text: String(text),
          font: `${water ? 'italic ' : ''}600 14px system-ui, sans-serif`,
          fillColor: Color.fromCssColorString(water ? '#1f5f99' : '#3a3f47'),
          outlineColor: Color.WHITE,
          outlineWidth: 3,
          style: LabelStyle.FILL_AND_OUTLINE,
          horizontalOrigin: HorizontalOrigin.CENTER,
          verticalOrigin: VerticalOrigin.CENTER,
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
          distanceDisplayCondition: new DistanceDisplayCondition(0, LABEL_MAX_DISTANCE_M),
          scaleByDistance: new NearFarScalar(300, 1.1, 3000, 0.8),
        },
      });
      this.labels.add(e);
    }
  }

  featureOf(picked: unknown): PickedFeature | undefined {
    const entity = (picked as { id?: unknown } | undefined)?.id;
    const fid = entity ? this.entityFeature.get(entity as Entity) : undefined;
    return fid === undefined ? undefined : { featureId: fid, properties: this.props.get(fid) };
  }

  apply(look: LayerLook, force = false): void {
    const prev = this.last;
    this.last = look;
    const ds = this.ds;
    if (!ds) return;
    ds.show = look.visible;
    if (!force && prev && prev.opacity === look.opacity && prev.selectedFeatureId === look.selectedFeatureId) return;
    const style = this.def.style;
    const selColor = Color.fromCssColorString(SELECTION_COLOR);
    for (const [e, fid] of this.entityFeature) {
      const selected = fid === look.selectedFeatureId;
      if (e.polygon && style?.kind === 'base') {
        const k = BASE_KIND[String(this.props.get(fid)?.kind ?? '')] ?? BASE_OTHER;
        e.polygon.material = new ColorMaterialProperty((selected ? selColor : Color.fromCssColorString(k.color)).withAlpha(look.opacity));
      } else if (e.polygon) {
        const base =
          style?.kind === 'fill'
            ? Color.fromCssColorString(style.color)
            : Color.fromCssColorString(planzvClass(String(this.props.get(fid)?.landUse ?? '')).color);
        // A colour with its own alpha (#rrggbbaa) keeps it; plain colours get the drape alpha.
        const alpha = base.alpha < 1 ? base.alpha : FILL_ALPHA;
        const c = selected ? selColor.withAlpha(Math.max(0.6, 0.8 * look.opacity)) : base.withAlpha(alpha * look.opacity);
        e.polygon.material = new ColorMaterialProperty(c);
      }
      if (e.polyline && this.outlines.has(e) && style?.kind === 'fill') {
        e.polyline.material = new ColorMaterialProperty((selected ? selColor : Color.fromCssColorString(style.outline ?? style.color)).withAlpha(look.opacity));
      } else if (e.polyline) {
        const base = style?.kind === 'line' ? Color.fromCssColorString(style.color) : Color.fromCssColorString('#2c7fb8');
        e.polyline.material = new ColorMaterialProperty((selected ? selColor : base).withAlpha(look.opacity));
        e.polyline.width = new ConstantProperty(style?.kind === 'line' ? (style.width ?? 3) : 3);
      }
      if (e.billboard) {
        e.billboard.color = new ConstantProperty(Color.WHITE.withAlpha(look.opacity));
        e.billboard.scale = new ConstantProperty(selected ? 1.6 : 1);
      }
    }
  }

  isSettled(): boolean {
    if (!this.ds) return false;
    // Ground primitives are rebuilt asynchronously after a style change. The
    // viewer mirrors the last DataSourceDisplay.update() result (true when all
    // entity primitives are drawable) into clockViewModel.canAnimate.
    return !this.ds.isLoading && this.viewer.dataSourceDisplay.ready && this.viewer.clockViewModel.canAnimate;
  }

  destroy(): void {
    this.destroyed = true;
    if (this.ds) this.viewer.dataSources.remove(this.ds, true);
    this.ds = undefined;
  }
}
