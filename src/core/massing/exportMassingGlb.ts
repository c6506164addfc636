import { Color, Group, Mesh, MeshStandardMaterial, type BufferGeometry } from 'three';
import { GLTFExporter } from 'three/examples/jsm/exporters/GLTFExporter.js';
import { LocalFrame } from '../crs';
import { eaveHeightM, totalHeightM, type BuildingUse, type ProposedBuilding } from '../model/Scenario';
import { openRing } from '../geometry/openRing';
import { ringCentroid, type XY } from '../geometry/ringCentroid';
import { buildMassing } from './buildMassing';
import { localToEnu } from './localToEnu';

/** Fill colour per use (sRGB hex), shared by the viewer and exports. */
export const USE_COLORS: Record<BuildingUse, number> = {
  housing: 0xe8c39e,
  office: 0x9db8d9,
  retail: 0xe39a9a,
  mixed: 0xc9a9dd,
  community: 0xa8d5a2,
};

/**
 * The massing of one or more buildings as a three.js group in glTF axes
 * (y up, x east, −z north), in metres of the tangent plane at `originLonLat`
 * (default: the centroid of the first footprint). Each building is one mesh
 * named by its id with non-indexed, flat-shaded triangles; its use, storeys
 * and heights go to `extras`.
 */
export function massingScene(buildings: readonly ProposedBuilding[], originLonLat?: readonly [number, number]): { scene: Group; originLonLat: [number, number] } {
  if (buildings.length === 0) throw new Error('massing export: no buildings to export');
  const origin = originLonLat ? ([originLonLat[0], originLonLat[1]] as [number, number]) : footprintCentroidLonLat(buildings[0].footprint);
  const frame = LocalFrame.around(origin);
  const toEnu = localToEnu(frame, origin);
  const scene = new Group();
  scene.name = 'planlotse-proposed-buildings';
  scene.userData = { originLonLat: origin, heightReference: 'ground', axes: 'glTF y-up: x east, y up, -z north' };
  for (const b of buildings) {
    const m = buildMassing(b, frame);
    const geo = toYUp(m.geometry, toEnu);
    const mesh = new Mesh(geo, new MeshStandardMaterial({ color: new Color(USE_COLORS[b.use]), roughness: 0.9, metalness: 0 }));
    mesh.name = b.id;
    mesh.userData = {
      name: b.name,
      use: b.use,
      storeys: b.storeys,
      eaveHeightM: eaveHeightM(b),
      heightM: totalHeightM(b),
      roofType: b.roof.type,
      footprintAreaM2: Math.round(m.footprintAreaM2 * 100) / 100,
      volumeM3: Math.round(m.volumeM3 * 10) / 10,
    };
    scene.add(mesh);
  }
  scene.updateMatrixWorld(true);
  return { scene, originLonLat: origin };
}

/**
 * Binary glTF (.glb) of the buildings' massing, written by three.js
 * GLTFExporter. Works in browsers, workers and Node (where it supplies the
 * `FileReader` that GLTFExporter needs).
 *
 * @example
 * const glb = await exportMassingGlb(variant.buildings);
 * download(new Blob([glb]), 'variant-a.glb');
 */
export async function exportMassingGlb(buildings: readonly ProposedBuilding[], originLonLat?: readonly [number, number]): Promise<Uint8Array> {
  ensureFileReader();
  const { scene } = massingScene(buildings, originLonLat);
  const out = await new GLTFExporter().parseAsync(scene, { binary: true, onlyVisible: false });
  if (!(out instanceof ArrayBuffer)) throw new Error('massing export: GLTFExporter did not return binary glTF');
  for (const child of scene.children) {
    const mesh = child as Mesh;
    mesh.geometry.dispose();
    (mesh.material as MeshStandardMaterial).dispose();
  }
  return new Uint8Array(out);
}

/** Centroid of a WGS84 footprint, computed in metres. */
export function footprintCentroidLonLat(footprint: readonly [number, number][]): [number, number] {
  const frame = LocalFrame.around(footprint[0]);
  const c = ringCentroid(openRing(footprint).map((p) => frame.toLocal(p) as XY));
  return frame.toWgs84(c);
}

function toYUp(indexed: BufferGeometry, toEnu: (xy: ArrayLike<number>) => [number, number]): BufferGeometry {
  const geo = indexed.toNonIndexed();
  indexed.dispose();
  const p = geo.getAttribute('position');
  for (let i = 0; i < p.count; i++) {
    const [e, n] = toEnu([p.getX(i), p.getY(i)]);
    const up = p.getZ(i);
    p.setXYZ(i, e, up, -n);
  }
  p.needsUpdate = true;
  geo.computeVertexNormals();
  geo.computeBoundingBox();
  return geo;
}

/**
 * GLTFExporter reads its Blob back with FileReader, which Node lacks; this
 * minimal stand-in covers the two calls it makes.
 */
function ensureFileReader(): void {
  const g = globalThis as { FileReader?: unknown };
  if (typeof g.FileReader !== 'undefined') return;
  class NodeFileReader {
    result: ArrayBuffer | string | null = null;
    onloadend: (() => void) | null = null;
    readAsArrayBuffer(blob: Blob): void {
      void blob.arrayBuffer().then((buf) => {
        this.result = buf;
        this.onloadend?.();
      });
    }
    readAsDataURL(blob: Blob): void {
      void blob.arrayBuffer().then((buf) => {
        const bytes = new Uint8Array(buf);
        let bin = '';
        for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        this.result = `data:${blob.type || 'application/octet-stream'};base64,${btoa(bin)}`;
        this.onloadend?.();
      });
    }
  }
  g.FileReader = NodeFileReader;
}
