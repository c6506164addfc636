import { LayerTree } from '../sections/LayerTree';
import { DroppedFilesGroup } from './DroppedFilesGroup';
import { FeedbackLayerGroup } from '../feedback/FeedbackLayerGroup';

/** The layers section: the dataset's layer tree, the user's own files, then imported citizen feedback. */
export function LayersWithFiles() {
  return (
    <>
      <LayerTree />
      <DroppedFilesGroup />
      <FeedbackLayerGroup />
    </>
  );
}
