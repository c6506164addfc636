export { sunPosition, sunDay, solarNoon, sunVector, refractionDeg, type SunPosition, type SunDay } from './sunPosition';
export { prepareBuildings, type BuildingSolid, type SolidColumn } from './prepareBuildings';
export { shadowPieces, shadowPiecesCopy, translatedHull, convexHull } from './shadowPieces';
export { convexParts } from './convexParts';
export { fillPolygon, fillConvex } from './fillPolygon';
export { gridForBbox, cellCentre, type Grid } from './Grid';
export {
  computeSunHours,
  sunHoursSteps,
  sunSteps,
  stepAt,
  buildingMask,
  rasterizeShadows,
  type SunHoursOptions,
  type SunHoursResult,
  type SunStep,
  type Progress,
} from './computeSunHours';
export { computeShadows, unionPieces, shadowsToGeoJson, type ShadowOptions, type ShadowResult } from './computeShadows';
export { SolidRayCaster, rayHitsSolid } from './rayCast';
export { sunHoursAtPoints, sunHoursAtPointsSteps, type SunPoint, type SunPointResult, type SunPointsOptions } from './sunHoursAtPoints';
export { buildingHit, roofHeightAt, ROOF_INSIDE_M, type BuildingHit } from './facadePoint';
export { zoneSunStatistics, type ZoneSunStats } from './zoneSunStatistics';
export { prepareLayer, type PolygonLayer, type LayerItem } from './polygonLayer';
export { computeOverlaps, type OverlapPair, type OverlapGroup, type OverlapResult } from './computeOverlaps';
export {
  computeCompliance,
  buildingStoreys,
  type AreaCompliance,
  type RuleResult,
  type RuleStatus,
  type ComplianceOptions,
  type ComplianceInput,
} from './computeCompliance';
export {
  ringArea,
  polygonArea,
  pointInRings,
  polygonsOf,
  linesOf,
  polygonToLocal,
  localToGeoJsonRings,
  frameAroundFeatures,
  trueNorthGridAngleDeg,
  type LocalPolygon,
} from './localGeometry';
export { sunHoursToCsv, type SunHoursGridData, overlapsToCsv, overlapGroupsToCsv, complianceToCsv, overlapsToGeoJson } from './analysisOutputs';
export {
  runSunHours,
  runSunHoursSync,
  runShadows,
  runOverlaps,
  runCompliance,
  runSunPoints,
  runSunPointsSync,
  sunPointsToCsv,
  sunPointsCsvRows,
  SUN_POINTS_CSV_HEADER,
  sunHoursFrame,
  type SunHoursRequest,
  type SunHoursResponse,
  type ShadowsRequest,
  type ShadowsResponse,
  type OverlapsRequest,
  type OverlapsResponse,
  type ComplianceRequest,
  type SunPointsRequest,
  type SunPointsResponse,
  type SunPointInput,
  type SunPointRow,
} from './runAnalysis';
export { overlapGroupProperty, groupShares, areaByGroup, type OverlapGroupShare } from './overlapCategories';
export { sunHoursColor, sunHoursRampMax, SUN_HOURS_RAMP_MAX } from './sunHoursColor';
export { csvTable, csvCell, CSV_BOM, type CsvCell } from './csvTable';
