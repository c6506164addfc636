import {
  Ion,
  Viewer,
  Color,
  DynamicAtmosphereLightingType,
} from 'cesium';
import 'cesium/Build/Cesium/Widgets/widgets.css';
import { FlatEllipsoidTerrainProvider } from './FlatEllipsoidTerrainProvider';
import { fitGroundVolumesToFlatTerrain } from './fitGroundVolumesToFlatTerrain';

/**
 * Creates a Cesium viewer that needs no network beyond the app's own origin:
 * sky textures shipped with Cesium (copied to dist/cesium by vite.config.ts),
 * the flat ellipsoid instead of ion terrain (loaded in one go:
 * FlatEllipsoidTerrainProvider), a plain-coloured globe instead of base
 * imagery (a dataset brings its own base map; Cesium's bundled Natural Earth
 * II is 1:50 M, one blurred colour at district scale, and loading its tiles
 * cost every new view frames on a software renderer), no geocoder, no base-layer picker (its defaults are ion/Bing), no InfoBox
 * (it renders feature HTML in an iframe; the app shows attributes as text),
 * and render-on-demand so an idle scene costs nothing.
 */
export function createOfflineViewer(container: HTMLElement): Viewer {
  // No ion token: anything that would call ion fails loudly instead of silently phoning home.
  Ion.defaultAccessToken = '';
  fitGroundVolumesToFlatTerrain();
  const viewer = new Viewer(container, {
    baseLayer: false,
    terrainProvider: new FlatEllipsoidTerrainProvider(),
    geocoder: false,
    baseLayerPicker: false,
    timeline: false,
    animation: false,
    homeButton: false,
    sceneModePicker: false,
    navigationHelpButton: false,
    fullscreenButton: false,
    infoBox: false,
    selectionIndicator: false,
    vrButton: false,
    requestRenderMode: true,
    maximumRenderTimeChange: Infinity,
    shadows: false,
    // The canvas keeps its pixels after a frame so tests and screenshots can read them.
    contextOptions: { webgl: { preserveDrawingBuffer: true } },
  });
  const scene = viewer.scene;
  scene.globe.baseColor = Color.fromCssColorString('#8a9a7b');
  scene.globe.enableLighting = true;
  scene.globe.depthTestAgainstTerrain = false;
  scene.atmosphere.dynamicLighting = DynamicAtmosphereLightingType.SUNLIGHT;
  viewer.clock.shouldAnimate = false;
  // Planning scale: don't let the user dive under the ground or zoom to space-scale jitter.
  scene.screenSpaceCameraController.minimumZoomDistance = 5;
  scene.screenSpaceCameraController.maximumZoomDistance = 2.0e7;
  // The credit container links to Cesium's page only on click; its logo is a local asset.
  return viewer;
}
