import type { BuildingStyleKind } from '../core/style/buildingStyles';
import type { SliceCreator } from './AppState';

export interface BuildingStyleSlice {
  buildingStyle: BuildingStyleKind;
  setBuildingStyle(kind: BuildingStyleKind): void;
}

declare module './AppState' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this slice to AppState
  interface AppState extends BuildingStyleSlice {}
}

export const createBuildingStyleSlice: SliceCreator<BuildingStyleSlice> = (set) => ({
  buildingStyle: 'default',
  setBuildingStyle: (buildingStyle) => set({ buildingStyle }),
});
