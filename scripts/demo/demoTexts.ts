import type { PlanArea } from './DemoDistrict';

/** One textual rule of the demo plan (BP_TextAbschnitt) and the areas it applies to. */
export interface DemoText {
  /** Stable id (no random numbers: the plan's other ids keep their values). */
  id: string;
  /** Number in the plan, as Hamburg writes it: `§2Nr.1`. */
  schluessel: string;
  text: string;
  /** Whether an area refers to this rule with `refTextInhalt`. */
  appliesTo(a: PlanArea): boolean;
}

const zone = (a: PlanArea, prefix: string) => a.featureClass === 'BP_BaugebietsTeilFlaeche' && a.label.startsWith(prefix);
const baugebiet = (a: PlanArea) => a.featureClass === 'BP_BaugebietsTeilFlaeche' || a.featureClass === 'BP_GemeinbedarfsFlaeche';

/**
 * Textual rules of the demo plan, worded as a Hamburg Verordnung words them
 * (§ 2 Nr. …), so a card shows them under the figures like a real plan.
 * Fictitious, as is the whole demo plan.
 */
export const DEMO_TEXTS: DemoText[] = [
  {
    id: 'GML_demo-text-01',
    schluessel: '§2Nr.1',
    text: 'In den allgemeinen Wohngebieten werden Ausnahmen für Gartenbaubetriebe und Tankstellen nach § 4 Absatz 3 Nummern 4 und 5 der Baunutzungsverordnung ausgeschlossen.',
    appliesTo: (a) => zone(a, 'WA'),
  },
  {
    id: 'GML_demo-text-02',
    schluessel: '§2Nr.2',
    text: 'In den urbanen Gebieten sind Wohnungen im Erdgeschoss an den zur Lindenallee orientierten Gebäudeseiten unzulässig. Tankstellen und Vergnügungsstätten sind unzulässig.',
    appliesTo: (a) => zone(a, 'MU'),
  },
  {
    id: 'GML_demo-text-03',
    schluessel: '§2Nr.3',
    text: 'Im urbanen Gebiet MU 3 darf die festgesetzte Gebäudehöhe durch Technikaufbauten um bis zu 3 m überschritten werden, wenn diese mindestens 2 m hinter die Außenwand zurücktreten.',
    appliesTo: (a) => a.featureClass === 'BP_BaugebietsTeilFlaeche' && a.label === 'MU 3',
  },
  {
    id: 'GML_demo-text-04',
    schluessel: '§2Nr.4',
    text: 'Im Gewerbegebiet sind Einzelhandelsbetriebe mit zentrenrelevanten Sortimenten sowie Bordelle und bordellartige Betriebe unzulässig.',
    appliesTo: (a) => zone(a, 'GE'),
  },
  {
    id: 'GML_demo-text-05',
    schluessel: '§2Nr.5',
    text: 'Eine Überschreitung der Baugrenzen durch Balkone, Loggien und Erker um bis zu 1,5 m kann zugelassen werden, wenn die Summe ihrer Breiten ein Drittel der Fassadenbreite nicht überschreitet.',
    appliesTo: (a) => baugebiet(a) || a.featureClass === 'BP_UeberbaubareGrundstuecksFlaeche',
  },
  {
    id: 'GML_demo-text-06',
    schluessel: '§2Nr.6',
    text: 'Dachflächen mit einer Neigung bis 20 Grad sind mit einem mindestens 12 cm starken, durchwurzelbaren Substrataufbau extensiv zu begrünen; ausgenommen sind Flächen für Belichtung, Technik und Dachterrassen bis zu einem Drittel der Dachfläche.',
    appliesTo: baugebiet,
  },
  {
    id: 'GML_demo-text-07',
    schluessel: '§2Nr.7',
    text: 'Auf der mit „Spielplatz“ bezeichneten Grünfläche ist ein öffentlicher Kinderspielplatz herzustellen; die Spielflächen sind so anzuordnen, dass sie am 17. Januar mindestens eine Stunde besonnt sind.',
    appliesTo: (a) => a.featureClass === 'BP_GruenFlaeche' && a.label === 'Spielplatz',
  },
  {
    id: 'GML_demo-text-08',
    schluessel: '§2Nr.8',
    text: 'Im Mühlenpark sind Wege wasser- und luftdurchlässig herzustellen. Die vorhandenen Bäume sind zu erhalten und bei Abgang durch großkronige Laubbäume zu ersetzen.',
    appliesTo: (a) => a.featureClass === 'BP_GruenFlaeche' && a.label === 'Parkanlage',
  },
];

/** The rules an area refers to. */
export function textsOf(a: PlanArea): DemoText[] {
  return DEMO_TEXTS.filter((t) => t.appliesTo(a));
}
