import { Cesium3DTileColorBlendMode, Cesium3DTileset, Cesium3DTileStyle, ShadowMode, type Cesium3DTileFeature, type Cesium3DTileContent, type Viewer } from 'cesium';
import type { CatalogLayer } from '../../core/model/Catalog';
import { buildingStyleClasses, SELECTION_COLOR, type BuildingStyleKind } from '../../core/style/buildingStyles';
import type { LayerLook, SceneLayer } from './SceneLayer';

// Attribute names the converters use for the same thing (first found wins).
const ID_NAMES = ['id', 'gml_id', 'gmlId', 'objectid'];
const HEIGHT_NAMES = ['heightM', 'measuredHeight', 'measuredHeightM', 'height'];
const FUNCTION_NAMES = ['function', 'buildingFunction'];
const ROOF_NAMES = ['roofType'];

/** Reads all attributes of a 3D Tiles feature into a plain object. */
export function featureProperties(f: Cesium3DTileFeature): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of f.getPropertyIds()) out[name] = f.getProperty(name);
  return out;
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * A 3D Tiles city model. Colours come from one Cesium3DTileStyle derived
 * from the building style, the opacity and the selection, rebuilt only when
 * one of those changes.
 */
export class TilesetLayer implements SceneLayer {
  private tileset: Cesium3DTileset | undefined;
  private names: { id: string; height: string; fn: string; roof: string } | undefined;
  private last: LayerLook | undefined;
  private styleKey = '';
  private destroyed = false;
  /** Called when a loaded tile contains the feature that is selected (URL restore). */
  onFeatureSeen: ((featureId: string, props: Record<string, unknown>) => void) | undefined;

  constructor(
    readonly def: CatalogLayer,
    private readonly url: string,
    private readonly viewer: Viewer,
  ) {}

  async load(): Promise<{ featureCount?: number }> {
    let ts: Cesium3DTileset;
    try {
      ts = await Cesium3DTileset.fromUrl(this.url, { shadows: ShadowMode.ENABLED, maximumScreenSpaceError: 8 });
    } catch (e) {
      throw new Error(`layer "${this.def.id}": cannot load 3D Tiles ${this.url}: ${(e as Error).message ?? e}`);
    }
    if (this.destroyed) {
      ts.destroy();
      return {};
    }
    // Style colours replace the model's colours; white (the default look) keeps
    // them, since Cesium never blends a feature whose colour is white.
    ts.colorBlendMode = Cesium3DTileColorBlendMode.REPLACE;
    ts.tileLoad.addEventListener((tile: { content: Cesium3DTileContent }) => this.onTileLoad(tile.content));
    this.tileset = ts;
    this.viewer.scene.primitives.add(ts);
    if (this.last) this.apply(this.last);
    return {};
  }

  private onTileLoad(content: Cesium3DTileContent): void {
    if (content.featuresLength === 0) return;
    if (!this.names) {
      const ids = content.getFeature(0).getPropertyIds();
      const pick = (cands: string[]) => cands.find((c) => ids.includes(c)) ?? cands[0];
      this.names = { id: pick(ID_NAMES), height: pick(HEIGHT_NAMES), fn: pick(FUNCTION_NAMES), roof: pick(ROOF_NAMES) };
      if (this.last) this.apply(this.last);
    }
    const sel = this.last?.selectedFeatureId;
    if (sel && this.onFeatureSeen) {
      for (let i = 0; i < content.featuresLength; i++) {
        const f = content.getFeature(i);
        if (String(f.getProperty(this.names.id)) === sel) this.onFeatureSeen(sel, featureProperties(f));
      }
    }
  }

  /** Id of a picked feature, by the id attribute of this tileset. */
  featureIdOf(f: Cesium3DTileFeature): string {
    const n = this.names?.id ?? 'id';
    return String(f.getProperty(n) ?? f.featureId);
  }

  owns(f: Cesium3DTileFeature): boolean {
    return f.tileset === this.tileset;
  }

  apply(look: LayerLook): void {
    this.last = look;
    const ts = this.tileset;
    if (!ts) return;
    ts.show = look.visible;
    const key = `${look.buildingStyle}|${look.opacity}|${look.selectedFeatureId ?? ''}|${this.names?.id ?? ''}`;
    if (key === this.styleKey) return;
    this.styleKey = key;
    ts.style = new Cesium3DTileStyle({ color: { conditions: this.conditions(look.buildingStyle, look.opacity, look.selectedFeatureId) } });
  }

  private conditions(kind: BuildingStyleKind, opacity: number, selected: string | undefined): [string, string][] {
    const n = this.names ?? { id: 'id', height: 'heightM', fn: 'function', roof: 'roofType' };
    const col = (hex: string) => `color(${quote(hex)}, ${opacity})`;
    const out: [string, string][] = [];
    if (selected !== undefined) out.push([`String(\${${n.id}}) === ${quote(selected)}`, `color(${quote(SELECTION_COLOR)}, ${Math.max(opacity, 0.9)})`]);
    for (const c of buildingStyleClasses(kind)) {
      const m = c.match;
      let cond: string;
      if (m.kind === 'range') cond = `Number(\${${n.height}}) >= ${m.minM} && Number(\${${n.height}}) < ${m.maxM}`;
      else if (m.kind === 'prefix') cond = `regExp(${quote('^' + m.prefix)}).test(String(\${${n.fn}}))`;
      else if (m.kind === 'values') cond = m.values.map((v) => `String(\${${n.roof}}) === ${quote(v)}`).join(' || ');
      else cond = 'true';
      out.push([cond, col(c.color)]);
    }
    out.push(['true', col('#ffffff')]);
    return out;
  }

  isSettled(): boolean {
    return !!this.tileset && (!this.tileset.show || this.tileset.tilesLoaded);
  }

  findFeature(): Record<string, unknown> | undefined {
    // Tiles stream in and out; a restored selection is resolved via onFeatureSeen instead.
    return undefined;
  }

  destroy(): void {
    this.destroyed = true;
    if (this.tileset) this.viewer.scene.primitives.remove(this.tileset);
    this.tileset = undefined;
  }
}
