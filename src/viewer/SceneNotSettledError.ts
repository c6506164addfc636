/**
 * The scene did not settle in time; says what was still busy, so a caller
 * can tell "the 3D layers are drawn, only far globe tiles still load" (good
 * enough for a picture) from "the layers are not there yet".
 */
export class SceneNotSettledError extends Error {
  constructor(
    readonly timeoutMs: number,
    readonly globeLoaded: boolean,
    readonly layersSettled: boolean,
    readonly cameraMoving: boolean,
  ) {
    super(`scene not settled after ${timeoutMs} ms (globe ${globeLoaded}, layers ${layersSettled}, camera moving ${cameraMoving})`);
    this.name = 'SceneNotSettledError';
  }
}
