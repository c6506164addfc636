import { Cesium3DTileColorBlendMode, Cesium3DTileFeature, Cesium3DTileset, Cesium3DTileStyle, ShadowMode, SplitDirection, type Cesium3DTileContent, type Viewer } from 'cesium';
import type { CatalogLayer } from '../../core/model/Catalog';
import { buildingStyleClasses, SELECTION_COLOR, type BuildingStyleKind } from '../../core/style/buildingStyles';
import type { LayerLook, PickedFeature, SceneLayer } from './SceneLayer';

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

const regExpEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface TileNode {
  content: Cesium3DTileContent | undefined;
  children: TileNode[];
}

/**
 * A 3D Tiles city model. Colours and demolitions come from one
 * Cesium3DTileStyle (colour conditions from the building style, opacity and
 * selection; `show` false for the demolished buildings), rebuilt only when
 * its look changes.
 *
 * While two different variants are compared, the layer owns a twin tileset
 * from the same url: the original is drawn left of the divider with the left
 * variant's demolitions, the twin right of it with the right variant's (a
 * feature's `show` cannot differ per split side). Nobody else sets the split
 * direction of these tilesets.
 */
export class TilesetLayer implements SceneLayer {
  private tileset: Cesium3DTileset | undefined;
  private twin: Cesium3DTileset | 'loading' | undefined;
  private names: { id: string; height: string; fn: string; roof: string } | undefined;
  private last: LayerLook | undefined;
  private styleKey = '';
  private twinKey = '';
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
      ts = await this.open();
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

  private open(): Promise<Cesium3DTileset> {
    return Cesium3DTileset.fromUrl(this.url, { shadows: ShadowMode.ENABLED, maximumScreenSpaceError: 8 });
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

  /** Id of a feature, by the id attribute of this tileset. */
  featureIdOf(f: Cesium3DTileFeature): string {
    const n = this.names?.id ?? 'id';
    return String(f.getProperty(n) ?? f.featureId);
  }

  featureOf(picked: unknown): PickedFeature | undefined {
    if (!(picked instanceof Cesium3DTileFeature) || !this.tileset) return undefined;
    if (picked.tileset !== this.tileset && picked.tileset !== this.twin) return undefined;
    return { featureId: this.featureIdOf(picked), properties: featureProperties(picked) };
  }

  apply(look: LayerLook): void {
    this.last = look;
    const ts = this.tileset;
    if (!ts) return;
    ts.show = look.visible;
    this.syncTwin(look);
    const base = `${look.buildingStyle}|${look.opacity}|${look.selectedFeatureId ?? ''}|${this.names?.id ?? ''}`;
    const key = `${base}|${look.hiddenIds.join(',')}`;
    if (key !== this.styleKey) {
      this.styleKey = key;
      ts.style = this.style(look, look.hiddenIds);
    }
    const tw = this.twin;
    if (tw && tw !== 'loading') {
      tw.show = look.visible;
      const tkey = `${base}|${look.twinHiddenIds?.join(',')}`;
      if (tkey !== this.twinKey) {
        this.twinKey = tkey;
        tw.style = this.style(look, look.twinHiddenIds ?? []);
      }
    }
  }

  private style(look: LayerLook, hidden: readonly string[]): Cesium3DTileStyle {
    const n = this.names?.id ?? 'id';
    // One regular expression per feature, however many buildings are demolished.
    const show = hidden.length ? `!regExp(${quote(`^(?:${hidden.map(regExpEscape).join('|')})$`)}).test(String(\${${n}}))` : 'true';
    return new Cesium3DTileStyle({ color: { conditions: this.conditions(look.buildingStyle, look.opacity, look.selectedFeatureId) }, show });
  }

  /** Creates the right-side twin while the look asks for one, removes it when not. */
  private syncTwin(look: LayerLook): void {
    const ts = this.tileset!;
    const want = look.twinHiddenIds !== undefined;
    if (want && !this.twin) {
      this.twin = 'loading';
      ts.splitDirection = SplitDirection.LEFT;
      this.open()
        .then((tw) => {
          if (this.twin !== 'loading' || this.destroyed) {
            tw.destroy();
            return;
          }
          tw.splitDirection = SplitDirection.RIGHT;
          tw.colorBlendMode = Cesium3DTileColorBlendMode.REPLACE;
          this.twin = tw;
          this.twinKey = '';
          this.viewer.scene.primitives.add(tw);
          if (this.last) this.apply(this.last);
          this.viewer.scene.requestRender();
        })
        .catch(() => {
          // The original loaded from this url; if the twin cannot, the right side shows no city model.
          if (this.twin === 'loading') this.twin = undefined;
        });
    } else if (!want && this.twin) {
      this.dropTwin();
      ts.splitDirection = SplitDirection.NONE;
    }
  }

  private dropTwin(): void {
    if (this.twin && this.twin !== 'loading') this.viewer.scene.primitives.remove(this.twin); // remove() destroys it
    this.twin = undefined;
  }

  /**
   * Whether a loaded building with this id is drawn (false when hidden as
   * demolished; undefined when not loaded). With `side`, only that side of the
   * compare divider counts ('left': the original, 'right': the twin).
   */
  featureShown(id: string, side?: 'left' | 'right'): boolean | undefined {
    const sets = [side !== 'right' ? this.tileset : undefined, side !== 'left' && this.twin !== 'loading' ? this.twin : undefined];
    let found: boolean | undefined;
    const visit = (tile: TileNode) => {
      const c = tile.content;
      if (c) for (let k = 0; k < c.featuresLength; k++) if (this.featureIdOf(c.getFeature(k)) === id) found = (found ?? false) || c.getFeature(k).show;
      for (const ch of tile.children) visit(ch);
    };
    for (const ts of sets) if (ts) visit(ts.root as unknown as TileNode);
    return found;
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
    const tw = this.twin;
    if (tw === 'loading') return false;
    return !!this.tileset && (!this.tileset.show || (this.tileset.tilesLoaded && (!tw || tw.tilesLoaded)));
  }

  findFeature(): Record<string, unknown> | undefined {
    // Tiles stream in and out; a restored selection is resolved via onFeatureSeen instead.
    return undefined;
  }

  destroy(): void {
    this.destroyed = true;
    this.dropTwin();
    if (this.tileset) this.viewer.scene.primitives.remove(this.tileset);
    this.tileset = undefined;
  }
}
