import { Axis, Cartesian2, Cartesian3, Model, ShadowMode, SplitDirection, Transforms, type Viewer } from 'cesium';
import { shallow } from 'zustand/shallow';
import { exportMassingGlb, footprintCentroidLonLat } from '../core/massing/exportMassingGlb';
import type { ProposedBuilding } from '../core/model/Scenario';
import type { AppStore } from '../state';
import { selectProposedSpecs, type SplitSide } from '../state/sceneLayers';

interface ModelEntry {
  building: ProposedBuilding;
  model: Model | undefined;
  destroyed: boolean;
}

const SPLIT: Record<SplitSide, SplitDirection> = { none: SplitDirection.NONE, left: SplitDirection.LEFT, right: SplitDirection.RIGHT };

/**
 * The proposed buildings of the shown variant(s) as glTF models (massing from
 * three.js) that cast and receive Cesium shadows; while two variants are
 * compared, the left variant's are drawn left of the divider and the right
 * one's right of it. A model is rebuilt only when its building object changes.
 */
export class ProposedBuildingModels {
  private readonly models = new Map<string, ModelEntry>();
  private pending = 0;
  private readonly unsub: () => void;

  constructor(
    private readonly viewer: Viewer,
    private readonly store: AppStore,
  ) {
    this.unsub = store.subscribe(selectProposedSpecs, (wanted) => this.reconcile(wanted), { equalityFn: shallow, fireImmediately: true });
  }

  private reconcile(wanted: Map<string, ProposedBuilding>): void {
    for (const [key, e] of this.models) if (wanted.get(key) !== e.building) this.drop(key);
    for (const [key, b] of wanted) if (!this.models.has(key)) this.add(key, b, key.slice(0, key.indexOf(':')) as SplitSide);
    this.viewer.scene.requestRender();
  }

  private add(key: string, b: ProposedBuilding, side: SplitSide): void {
    const entry: ModelEntry = { building: b, model: undefined, destroyed: false };
    this.models.set(key, entry);
    this.pending++;
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
            splitDirection: SPLIT[side],
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
        this.pending--;
        this.viewer.scene.requestRender();
      });
  }

  private drop(key: string): void {
    const e = this.models.get(key);
    if (!e) return;
    e.destroyed = true;
    if (e.model) this.viewer.scene.primitives.remove(e.model); // remove() destroys it
    this.models.delete(key);
  }

  /** True when every model of the shown variants is built and on screen. */
  isSettled(): boolean {
    return this.pending === 0;
  }

  /** Ids of the proposed buildings drawn as models and ready. */
  modelIds(): string[] {
    return [...this.models.values()].filter((e) => e.model?.ready).map((e) => e.building.id);
  }

  /** Id of the proposed building drawn at a window (CSS px) position, if any. */
  proposedIdAt(x: number, y: number): string | undefined {
    const r = this.viewer.scene.canvas.getBoundingClientRect();
    const picked = this.viewer.scene.pick(new Cartesian2(x - r.left, y - r.top));
    return (picked?.id as { proposedBuildingId?: string } | undefined)?.proposedBuildingId;
  }

  destroy(): void {
    this.unsub();
    for (const key of [...this.models.keys()]) this.drop(key);
  }
}
