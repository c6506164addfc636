import { rectangleFootprint } from '../../../src/core/scenario/transformBuilding';
import { SCENARIO_FILE_KIND, SCENARIO_SCHEMA_VERSION, type ProposedBuilding, type RoofSpec, type Scenario } from '../../../src/core/model/Scenario';

/** Hamburg, near the Binnenalster. */
export const HH: [number, number] = [9.9937, 53.5511];

export function building(id: string, over: Partial<ProposedBuilding> = {}, roof: Partial<RoofSpec> = {}): ProposedBuilding {
  return {
    id,
    name: `Haus ${id}`,
    footprint: rectangleFootprint(HH, 20, 12, 90),
    storeys: 4,
    storeyHeightM: 3,
    roof: { type: 'flat', roofHeightM: 0, ridgeAzimuthDeg: 90, ...roof },
    use: 'housing',
    ...over,
  };
}

export function scenario(over: Partial<Scenario> = {}): Scenario {
  return {
    schemaVersion: SCENARIO_SCHEMA_VERSION,
    kind: SCENARIO_FILE_KIND,
    id: 'scn-1',
    name: 'Testplan',
    createdAt: '2026-11-28T10:00:00.000Z',
    updatedAt: '2026-11-28T10:00:00.000Z',
    variants: [
      { id: 'v-a', name: 'Variante A', notes: 'dicht', buildings: [building('b1')], demolishedIds: ['DEHH_1'] },
      { id: 'v-b', name: 'Variante B', notes: '', buildings: [], demolishedIds: [] },
    ],
    ...over,
  };
}
