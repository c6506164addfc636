import { MissingFilesNotice } from '../drop/MissingFilesNotice';

/**
 * What the planner's map shows over the 3D view besides panels: orientation controls and the note about own files
 * a shared link names. The controls are standalone components, so the kiosk can place them its own way.
 */
export function MapOverlay() {
  return (
    <>
      <MissingFilesNotice />
    </>
  );
}
