import {
  buildModuleUrl,
  ImageryLayer,
  Ion,
  TileMapServiceImageryProvider,
  Viewer,
  Color,
  DynamicAtmosphereLightingType,
} from 'cesium';
import 'cesium/Build/Cesium/Widgets/widgets.css';
import { FlatEllipsoidTerrainProvider } from './FlatEllipsoidTerrainProvider';
import { fitGroundVolumesToFlatTerrain } from './fitGroundVolumesToFlatTerrain';

/**
 * Creates a Cesium viewer that needs no network beyond the app's own origin:
 * Natural Earth II imagery and sky textures shipped with Cesium (copied to
 * dist/cesium by vite.config.ts), the flat ellipsoid instead of ion terrain (loaded in one go:
 * FlatEllipsoidTerrainProvider), no
 * geocoder, no base-layer picker (its defaults are ion/Bing), no InfoBox
 * (it renders feature HTML in an iframe; the app shows attributes as text),
 * and render-on-demand so an idle scene costs nothing.
 */
export function createOfflineViewer(container: HTMLElement): Viewer {
  // No ion token: anything that would call ion fails loudly instead of silently phoning home.
  Ion.defaultAccessToken = '';
  fitGroundVolumesToFlatTerrain();
  const viewer = new Viewer(container, {
    baseLayer: ImageryLayer.fromProviderAsync(TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII'))),
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
