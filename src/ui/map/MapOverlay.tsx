import { MissingFilesNotice } from '../drop/MissingFilesNotice';
import { Compass } from './Compass';
import { ScaleBar } from './ScaleBar';
import { ZoomControls } from './ZoomControls';
import './map.css';

/**
 * What the planner's map shows over the 3D view besides panels: compass, zoom and tilt buttons (top left, clear of
 * the feature card on the right), the scale bar (bottom left, on the row the viewer measures it) and the note about
 * own files a shared link names. Each control is a standalone component, so the kiosk can place them its own way.
 */
export function MapOverlay() {
  return (
    <>
      <div className="map-controls">
        <Compass />
        <ZoomControls />
      </div>
      <ScaleBar />
      <MissingFilesNotice />
    </>
  );
}
