import type { AppStore } from '../AppState';
import type { Pick } from './Pick';

/**
 * A tool's reaction to pointer and key input. Pure with respect to Cesium:
 * it reads the {@link Pick} and acts on the store, so each tool is tested in
 * Node with a fake pick. Every handler is optional.
 */
export interface ToolHandler {
  onClick?(pick: Pick, store: AppStore): void;
  onDoubleClick?(pick: Pick, store: AppStore): void;
  /** Pointer pressed; returns true when the tool takes the drag (the camera then stays put until `onUp`). */
  onDown?(pick: Pick, store: AppStore): boolean;
  onUp?(pick: Pick, store: AppStore): void;
  onMove?(pick: Pick, store: AppStore): void;
  /** A key (`KeyboardEvent.key`); returns true when handled. Escape is the router's (back to `select`). */
  onKey?(key: string, store: AppStore): boolean;
  /** CSS cursor over the map while the tool is active. */
  cursor?: string;
}
