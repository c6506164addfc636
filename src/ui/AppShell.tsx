import { useEffect } from 'react';
import { AttributionBar } from './AttributionBar';
import { CompareDivider } from './scenario/CompareDivider';
import { DropZone } from './drop/DropZone';
import { MapOverlay } from './map/MapOverlay';
import { FeaturePanel } from './FeaturePanel';
import { Header } from './Header';
import { SidePanel, type SectionDef } from './SidePanel';
import { StatusBanner } from './StatusBanner';
import { useAppState } from './StoreContext';
import { TableDrawer } from './table/TableDrawer';

/**
 * The page around the 3D view: header, side panel, feature panel,
 * attribution bar and the bottom drawer for long tables. The Cesium canvas is not part of this tree; it sits in
 * its own element (#scene) that the layout leaves room for.
 */
export function AppShell({ sections }: { sections: readonly SectionDef[] }) {
  const lang = useAppState((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <>
      <Header />
      <SidePanel sections={sections} />
      <div className="scene-overlay">
        <StatusBanner />
        <CompareDivider />
        <FeaturePanel />
        <AttributionBar />
        <DropZone />
        <MapOverlay />
      </div>
      <TableDrawer />
    </>
  );
}
