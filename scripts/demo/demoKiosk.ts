import type { Catalog, LocalizedText, Viewpoint } from '../../src/core/model/Catalog';
import { utm32ToWgs84 } from '../../src/core/crs';
import { hashPin } from '../../src/core/kiosk/hashPin';
import { EXISTING_VARIANT_ID, KIOSK_CONFIG_VERSION, type KioskCameraView, type KioskConfig, type KioskStoryStep } from '../../src/core/kiosk/KioskConfig';
import type { DemoDistrict } from './DemoDistrict';
import { lookAt } from './demoCatalog';
import { DEMO_KIOSK_SCENARIO } from './demoKioskScenario';

/** The documented staff PIN of the demo kiosk (README "Kiosk mode"); real kiosks hash their own with `npm run kiosk-pin`. */
export const DEMO_KIOSK_PIN = '2468';

/** Layers a citizen may switch in the demo (those the catalog has). */
const TOGGLEABLE = ['bplan-baugebiete', 'bplan-gruen', 'trees', 'playgrounds', 'flood', 'parcels'];

/**
 * The demo's `kiosk.json`: it tells the story of the demo plan ("B-Plan
 * Demo 1") over the catalog's named viewpoints, plus a shadow story through
 * the seasons at the Mühlenpark playground, and a story comparing the
 * city as it is (`existing`) with the two drafts for the courtyard of block
 * C2 from `kiosk-scenario.json` ({@link demoKioskScenario}). The staff PIN is
 * {@link DEMO_KIOSK_PIN}, hashed with a salt derived from the seed, so a
 * repeated `npm run demo-data` writes the same file (the PIN is public
 * anyway). Every view lies inside the camera bounds (the build checks the
 * result with `parseKioskConfig`).
 *
 * @example const kiosk = await demoKioskConfig(district, catalog);
 */
export async function demoKioskConfig(d: DemoDistrict, catalog: Catalog): Promise<KioskConfig> {
  const layerIds = new Set(catalog.layers.map((l) => l.id));
  const base = catalog.layers.filter((l) => l.defaultVisible && !l.online).map((l) => l.id);
  const show = (...extra: string[]) => [...new Set([...base, ...extra.filter((id) => layerIds.has(id))])];
  // The shadow story shows buildings, trees and the playground only: plan colours would hide the shadows.
  const shadowLayers = ['buildings', 'trees', 'playgrounds'].filter((id) => layerIds.has(id));
  const view = (id: string): KioskCameraView => {
    const v: Viewpoint = id === 'home' ? catalog.home : id === 'hof' ? hofView : catalog.viewpoints.find((p) => p.id === id)!;
    return { lon: v.lon, lat: v.lat, height: v.height, headingDeg: v.headingDeg, pitchDeg: v.pitchDeg };
  };
  const step = (viewId: string, layers: string[], dateTime: string, de: string, en: string, durationS = 10, variant: string = EXISTING_VARIANT_ID): KioskStoryStep => ({
    view: view(viewId), layers, variant, dateTime, caption: { de, en }, durationS,
  });
  const t = (de: string, en: string): LocalizedText => ({ de, en });
  // The courtyard of block C2, seen from the south-west over the Lindenallee houses.
  const c2 = d.blocks.find((b) => b.id === DEMO_KIOSK_SCENARIO.block)!.rect;
  const hofView = lookAt(d, 'hof', t('Hof', 'Courtyard'), [(c2.x0 + c2.x1) / 2, (c2.y0 + c2.y1) / 2], 0, 20, -38, 230);
  const [centreLon, centreLat] = utm32ToWgs84(catalog.origin);
  const salt = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(`planlotse-demo-kiosk-pin:${d.seed}`))).slice(0, 16);
  return {
    version: KIOSK_CONFIG_VERSION,
    title: t('Mühlenviertel: Was plant der B-Plan Demo 1?', 'Mühlenviertel: what does the demo plan allow?'),
    intro: t(
      'Schauen Sie sich das Quartier in 3D an, blättern Sie durch die Geschichten und sagen Sie uns Ihre Meinung: Tippen Sie auf die Karte, um einen Hinweis zu setzen.\nGenerierte Demodaten – kein amtlicher Plan.',
      'Explore the district in 3D, step through the stories and tell us what you think: tap the map to leave a comment.\nGenerated demo data – not an official plan.',
    ),
    startView: view('home'),
    toggleableLayers: TOGGLEABLE.filter((id) => layerIds.has(id)),
    variants: [
      {
        id: EXISTING_VARIANT_ID,
        caption: t('Bestand', 'Today'),
        plainCaption: t('Die Gebäude, wie sie heute stehen. Die farbigen Flächen zeigen, was der Bebauungsplan dort erlaubt.', 'The buildings as they stand today. The coloured areas show what the zoning plan allows there.'),
      },
      {
        id: DEMO_KIOSK_SCENARIO.variantA,
        caption: t('Entwurf A', 'Draft A'),
        plainCaption: t('Ein niedriges Hofhaus mit drei Geschossen im Innenhof an der Lindenallee: Platz für etwa 12 Wohnungen, der Hof bleibt zum größten Teil frei.', 'One low courtyard house with three storeys in the courtyard on Lindenallee: room for about 12 flats, most of the courtyard stays open.'),
      },
      {
        id: DEMO_KIOSK_SCENARIO.variantB,
        caption: t('Entwurf B', 'Draft B'),
        plainCaption: t('Zwei schlanke Stadthäuser mit je sechs Geschossen im selben Hof: mehr Wohnungen (etwa 24), aber längere Schatten im Hof.', 'Two slim town houses with six storeys each in the same courtyard: more flats (about 24), but longer shadows in the courtyard.'),
      },
    ],
    stories: [
      {
        id: 'plan',
        title: t('Das Quartier und sein Plan', 'The district and its plan'),
        steps: [
          step('home', show('bplan-baugebiete'), '2026-06-21T15:00', 'Das ganze Mühlenviertel zwischen Mühlenkanal und Lindenallee. Die Farben zeigen, wofür der Bebauungsplan die Flächen vorsieht: Wohnen, Gewerbe, Gemeinbedarf, Grün.', 'The whole Mühlenviertel between the Mühlenkanal and Lindenallee. The colours show what the zoning plan sets the land aside for: housing, business, public use, green space.'),
          step('park', show('bplan-gruen', 'playgrounds', 'trees'), '2026-06-21T15:00', 'Der Mühlenpark bleibt Grünfläche. Hier liegt der Spielplatz des Viertels.', 'Mühlenpark stays green space. The district’s playground is here.'),
          step('schule', show('bplan-gemeinbedarf'), '2026-06-21T15:00', 'Die Schule an der Lindenallee steht auf einer Fläche für den Gemeinbedarf.', 'The school on Lindenallee stands on land set aside for public use.'),
          step('hochhaus', show('bplan-baugebiete'), '2026-06-21T15:00', 'Am Mühlenkanal steht das höchste Haus des Viertels. Der Plan legt fest, wie hoch dort gebaut werden darf.', 'The tallest building of the district stands on the Mühlenkanal. The plan sets how high one may build there.'),
          step('villen', show('bplan-baugebiete', 'bplan-baugrenzen'), '2026-06-21T15:00', 'Am Birkenstieg halten sich einige Häuser nicht an den Plan: zu hoch oder über die Baugrenze. (Absichtlich eingebaute Beispiele.)', 'On Birkenstieg some houses break the plan: too tall or over the building line. (Deliberate examples.)'),
        ],
      },
      {
        id: 'schatten',
        title: t('Schatten im Jahreslauf', 'Shadows through the year'),
        steps: [
          // Sun heights and shadow lengths (shadow ÷ building height = 1 / tan(altitude)) for the district centre;
          // the demo test checks them against suncalc.
          step('park', shadowLayers, '2026-03-21T12:00', '21. März, 12 Uhr: Tag-und-Nacht-Gleiche. Die Sonne steht 36° hoch im Süden; ein Schatten ist etwa 1,4-mal so lang, wie das Haus hoch ist.', '21 March, noon: the equinox. The sun is 36° high in the south; a shadow is about 1.4 times as long as the building is tall.'),
          step('park', shadowLayers, '2026-06-21T09:00', '21. Juni, 9 Uhr: der längste Tag. Die Sonne steht schon 33° hoch im Osten, die Schatten fallen nach Westen, etwa 1,5-mal so lang wie die Häuser hoch.', '21 June, 9 am: the longest day. The sun is already 33° high in the east; shadows fall to the west, about 1.5 times as long as the buildings are tall.'),
          step('park', shadowLayers, '2026-06-21T13:00', '21. Juni, 13 Uhr: die Sonne steht fast am höchsten, 60° über dem Horizont. Die Schatten sind nur etwa 0,6-mal so lang wie die Häuser hoch.', '21 June, 1 pm: the sun is almost at its highest, 60° above the horizon. Shadows are only about 0.6 times as long as the buildings are tall.'),
          step('park', shadowLayers, '2026-06-21T19:00', '21. Juni, 19 Uhr: die Abendsonne kommt aus dem Westen, nur noch 22° hoch. Die Schatten werden lang: etwa 2,5-mal so lang wie die Häuser hoch.', '21 June, 7 pm: the evening sun comes from the west, only 22° high. Shadows grow long: about 2.5 times as long as the buildings are tall.'),
          step('park', shadowLayers, '2026-12-21T12:00', '21. Dezember, 12 Uhr: die Sonne steht nur 13° hoch im Süden. Selbst mittags sind die Schatten etwa 4,3-mal so lang wie die Häuser hoch.', '21 December, noon: the sun is only 13° high in the south. Even at noon shadows are about 4.3 times as long as the buildings are tall.'),
        ],
      },
      {
        id: 'hof',
        title: t('Wohnen im Hof: zwei Entwürfe', 'Homes in the courtyard: two drafts'),
        steps: [
          step('hof', show('bplan-baugebiete'), '2026-03-21T15:00', 'Der Innenhof des Blocks an der Lindenallee heute: eine offene Fläche zwischen den Häusern.', 'The courtyard of the block on Lindenallee today: open space between the houses.'),
          step('hof', show('bplan-baugebiete'), '2026-03-21T15:00', 'Entwurf A: ein Hofhaus mit drei Geschossen. Es bleibt niedriger als die Häuser am Rand.', 'Draft A: one courtyard house with three storeys. It stays lower than the houses around it.', 10, DEMO_KIOSK_SCENARIO.variantA),
          step('hof', show('bplan-baugebiete'), '2026-03-21T15:00', 'Entwurf B: zwei Stadthäuser mit je sechs Geschossen. Mehr Wohnungen, aber am Nachmittag mehr Schatten im Hof.', 'Draft B: two town houses with six storeys each. More flats, but more shade in the courtyard in the afternoon.', 10, DEMO_KIOSK_SCENARIO.variantB),
        ],
      },
    ],
    attractStoryId: 'plan',
    feedbackCategories: [
      { id: 'wohnen', label: t('Wohnen', 'Housing') },
      { id: 'verkehr', label: t('Verkehr und Wege', 'Traffic and paths') },
      { id: 'gruen', label: t('Grün und Bäume', 'Green space and trees') },
      { id: 'spielen', label: t('Spielen und Freizeit', 'Play and leisure') },
      { id: 'klima', label: t('Schatten und Klima', 'Shade and climate') },
      { id: 'sonstiges', label: t('Sonstiges', 'Other') },
    ],
    idleTimeoutS: 120,
    countdownS: 20,
    staffPin: await hashPin(DEMO_KIOSK_PIN, { salt }),
    cameraBounds: {
      centre: { lon: round(centreLon, 7), lat: round(centreLat, 7) },
      // The district is 600 m × 500 m; the home view stands ≈ 550 m from its centre.
      maxDistanceM: 1000,
      groundHeightM: 0, // the viewer puts the ground at ellipsoid height 0 (docs/heights.md)
      minHeightM: 30,
      maxHeightM: 1500,
      maxTiltDeg: 75,
    },
    heapLimitMB: 1536,
  };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
