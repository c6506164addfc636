import type { SectionDef } from '../ui/SidePanel';
import { ViewpointsSection } from '../ui/sections/ViewpointsSection';
import { BuildingStyleSection } from '../ui/sections/BuildingStyleSection';
import { SunSection } from '../ui/sections/SunSection';
import { MeasureSection } from '../ui/sections/MeasureSection';
import { ScenarioPanel } from '../ui/scenario/ScenarioPanel';
import { AnalysesPanel } from '../ui/analysis/AnalysesPanel';
import { ReportSection } from '../ui/report/ReportSection';
import { LayersWithFiles } from '../ui/drop/LayersWithFiles';

/**
 * The side panel's sections: tool-bar order and the order open sections
 * stack in; `defaultOpen` ones are open on start. To add a panel (Analyses, Scenarios, …)
 * add one line: `{ id: 'analyses', title: 'section.analyses', Component: AnalysesPanel },`
 * (titles are keys of the i18n resources, src/core/i18n/resources/de.ts).
 */
export const SECTIONS: SectionDef[] = [
  { id: 'layers', title: 'section.layers', Component: LayersWithFiles, defaultOpen: true },
  { id: 'viewpoints', title: 'section.viewpoints', Component: ViewpointsSection, defaultOpen: true },
  { id: 'buildings', title: 'section.buildings', Component: BuildingStyleSection },
  { id: 'sun', title: 'section.sun', Component: SunSection },
  { id: 'measure', title: 'section.measure', Component: MeasureSection },
  { id: 'analyses', title: 'section.analyses', Component: AnalysesPanel },
  { id: 'scenarios', title: 'section.scenarios', Component: ScenarioPanel },
  { id: 'report', title: 'section.report', Component: ReportSection },
];
