import { LayerTree } from '../sections/LayerTree';
import { DroppedFilesGroup } from './DroppedFilesGroup';

/** The layers section: the dataset's layer tree, then the user's own files. */
export function LayersWithFiles() {
  return (
    <>
      <LayerTree />
      <DroppedFilesGroup />
    </>
  );
}
