import type { FeedbackDraft } from '../../../src/core/kiosk/createFeedbackPin';
import type { KioskConfig } from '../../../src/core/kiosk/KioskConfig';

/** A small valid kiosk.json around Hamburg-Altona (10.0 E, 53.55 N), as plain JSON (tests mutate copies). */
export function validKioskJson(): Record<string, any> {
  const view = (lon: number, lat: number, height: number, pitchDeg = -40) => ({ lon, lat, height, headingDeg: 20, pitchDeg });
  const step = (caption: string, variant = 'existing', dateTime = '2026-06-21T13:00') => ({
    view: view(10.001, 53.549, 300),
    layers: ['buildings', 'bplan-baugebiete'],
    variant,
    dateTime,
    caption: { de: `${caption} (de)`, en: `${caption} (en)` },
    durationS: 8,
  });
  return {
    version: 1,
    title: { de: 'Neues Quartier am Kanal', en: 'New district on the canal' },
    intro: { de: 'Sagen Sie uns Ihre Meinung.\nTippen Sie auf die Karte.', en: 'Tell us what you think.\nTap the map.' },
    startView: view(10.0, 53.545, 600, -45),
    toggleableLayers: ['bplan-baugebiete', 'trees'],
    variants: [
      { id: 'existing', caption: { de: 'Bestand', en: 'Today' }, plainCaption: { de: 'So sieht es heute aus.', en: 'This is how it looks today.' } },
      { id: 'entwurf-a', caption: { de: 'Entwurf A', en: 'Draft A' }, plainCaption: { de: 'Vier Wohnhäuser am Kanal.', en: 'Four houses on the canal.' } },
    ],
    stories: [
      { id: 'intro', title: { de: 'Einführung', en: 'Introduction' }, steps: [step('Das Gebiet'), step('Der Entwurf', 'entwurf-a')] },
      { id: 'schatten', title: { de: 'Schatten', en: 'Shadows' }, steps: [step('März', 'existing', '2026-03-21T12:00'), step('Juni'), step('Dezember', 'existing', '2026-12-21T12:00')] },
      { id: 'gruen', title: { de: 'Grün', en: 'Green' }, steps: [step('Bäume')] },
    ],
    feedbackCategories: [
      { id: 'verkehr', label: { de: 'Verkehr', en: 'Traffic' } },
      { id: 'gruen', label: { de: 'Grün', en: 'Green' } },
    ],
    idleTimeoutS: 90,
    countdownS: 15,
    staffPin: { salt: '00112233445566778899aabbccddeeff', hash: 'ab'.repeat(32), iterations: 600000 },
    cameraBounds: { centre: { lon: 10.0, lat: 53.55 }, maxDistanceM: 1500, groundHeightM: 8, minHeightM: 30, maxHeightM: 1500, maxTiltDeg: 70 },
    heapLimitMB: 1024,
  };
}

/** The parsed form of {@link validKioskJson}. */
export function validKioskConfig(): KioskConfig {
  return validKioskJson() as KioskConfig;
}

/** A feedback form as the kiosk would hand it over. */
export function feedbackDraft(over: Partial<FeedbackDraft> = {}): FeedbackDraft {
  return {
    category: 'gruen',
    text: 'Bitte mehr Bäume an der Straße!',
    rating: 4,
    ageGroup: '30-49',
    lon: 10.0012,
    lat: 53.5498,
    height: 9.5,
    scenario: {
      datasetId: 'demo',
      planVersion: 'bplan-demo-1',
      variantId: 'existing',
      camera: { lon: 10.0, lat: 53.545, height: 600, headingDeg: 20, pitchDeg: -45 },
      sceneTime: '2026-06-21T11:00:00.000Z',
      visibleLayerIds: ['buildings', 'trees'],
      language: 'de',
    },
    ...over,
  };
}
