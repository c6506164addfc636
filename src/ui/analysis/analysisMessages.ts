/** Texts of the Analyses panel (kept beside it so the panel ships as one folder). */
export const ANALYSIS_MESSAGES = {
  de: {
    kind: 'Analyse',
    shadows: 'Schatten jetzt',
    sunHours: 'Sonnenstunden am Tag',
    date: 'Datum',
    cell: 'Rasterweite (m)',
    step: 'Zeitschritt (min)',
    run: 'Berechnen',
    cancel: 'Abbrechen',
    clear: 'Ergebnis entfernen',
    running: 'Berechne … {p} %',
    cancelled: 'Abgebrochen.',
    error: 'Fehler: {msg}',
    sunBelow: 'Die Sonne steht unter 1° – keine Schatten.',
    shadowArea: 'Schattenfläche',
    sunAlt: 'Sonnenhöhe / Azimut',
    mean: 'Mittlere Sonnenstunden',
    share2: 'Anteil ≥ 2 h',
    share4: 'Anteil ≥ 4 h',
    cells: 'Bodenzellen',
    hint: 'Schatten zur Szenenzeit (Sonne-Regler). Sonnenstunden: Sonnenaufgang bis -untergang im sichtbaren Ausschnitt.',
  },
  en: {
    kind: 'Analysis',
    shadows: 'Shadows now',
    sunHours: 'Sun hours for a day',
    date: 'Date',
    cell: 'Cell size (m)',
    step: 'Time step (min)',
    run: 'Compute',
    cancel: 'Cancel',
    clear: 'Remove result',
    running: 'Computing … {p} %',
    cancelled: 'Cancelled.',
    error: 'Error: {msg}',
    sunBelow: 'The sun is below 1° – no shadows.',
    shadowArea: 'Shadow area',
    sunAlt: 'Sun altitude / azimuth',
    mean: 'Mean sun hours',
    share2: 'Share ≥ 2 h',
    share4: 'Share ≥ 4 h',
    cells: 'Ground cells',
    hint: 'Shadows at the scene time (sun slider). Sun hours: sunrise to sunset in the visible area.',
  },
} as const;

export type AnalysisMessageKey = keyof (typeof ANALYSIS_MESSAGES)['en'];

/** Translates a panel text; `{name}` placeholders are filled from `vars`. */
export function analysisText(lang: string, key: AnalysisMessageKey, vars: Record<string, string | number> = {}): string {
  const table = lang === 'de' ? ANALYSIS_MESSAGES.de : ANALYSIS_MESSAGES.en;
  return table[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
