import type { SliceCreator } from './AppState';

export interface ViewerStatusSlice {
  viewerReady: boolean;
  viewerError: string | undefined;
  setViewerReady(ready: boolean): void;
  setViewerError(message: string): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends ViewerStatusSlice {}
}

export const createViewerStatusSlice: SliceCreator<ViewerStatusSlice> = (set) => ({
  viewerReady: false,
  viewerError: undefined,
  setViewerReady: (viewerReady) => set({ viewerReady }),
  setViewerError: (viewerError) => set({ viewerError }),
});
