import type { LocalizedText } from '../model/Catalog';

/**
 * The kiosk configuration of a dataset, `data/<dataset>/kiosk.json`
 * (issue 13). Read it with {@link parseKioskConfig}; never trust the raw JSON.
 *
 * Conventions: texts are German + English ({@link LocalizedText}); camera
 * positions are WGS84 degrees with heights in metres in the same height
 * datum as the dataset's {@link Viewpoint}s; heading is clockwise from north,
 * pitch negative when looking down (-90 = straight down).
 */
export const KIOSK_CONFIG_VERSION = 1;

/** The variant id that means "the city as it is" (Bestand), see `Scenario.activeVariantId = null`. */
export const EXISTING_VARIANT_ID = 'existing';

/** A camera position and orientation (same fields as a catalog viewpoint, without id/title). */
export interface KioskCameraView {
  lon: number;
  lat: number;
  /** Metres, same datum as the dataset's viewpoints and `KioskCameraBounds.groundHeightM`. */
  height: number;
  headingDeg: number;
  pitchDeg: number;
}

/** A variant citizens can switch to, with the captions the kiosk shows. */
export interface KioskVariant {
  /** A variant id of the dataset's scenario, or {@link EXISTING_VARIANT_ID}. */
  id: string;
  /** Short name on the switch, e.g. "Bestand" / "Entwurf A". */
  caption: LocalizedText;
  /** One or two plain-language sentences: what changes, for whom. */
  plainCaption: LocalizedText;
}

/** One step of a story: where the camera goes and what the scene shows. */
export interface KioskStoryStep {
  view: KioskCameraView;
  /** Catalog layer ids visible in this step (all others hidden). */
  layers: string[];
  /** Id from {@link KioskConfig.variants}. */
  variant: string;
  /** Local date and time in the dataset's time zone, `YYYY-MM-DDTHH:MM`, e.g. `2026-06-21T13:00`. */
  dateTime: string;
  caption: LocalizedText;
  /** How long the attract loop shows this step, seconds (before its slow-down factor); optional in the file, 10 s by default. */
  durationS: number;
}

export interface KioskStory {
  id: string;
  title: LocalizedText;
  steps: KioskStoryStep[];
}

export interface KioskFeedbackCategory {
  id: string;
  label: LocalizedText;
}

/**
 * The staff PIN as PBKDF2-HMAC-SHA256 output, never the PIN itself.
 * Made by `npm run kiosk-pin -- <PIN>` ({@link hashPin}).
 */
export interface KioskPinHash {
  /** Random salt, hex (at least 16 bytes). */
  salt: string;
  /** Derived key, hex (32 bytes). */
  hash: string;
  /** PBKDF2 iterations (at least 100,000). */
  iterations: number;
}

/** Where the camera may go (see {@link clampCamera}). */
export interface KioskCameraBounds {
  /** Centre of the district, WGS84 degrees. */
  centre: { lon: number; lat: number };
  /** Largest horizontal distance of the camera from the centre, metres. */
  maxDistanceM: number;
  /** Ground height of the district in the camera's height datum, metres (heights below are relative to it). */
  groundHeightM: number;
  /** Lowest camera height above the ground, metres (> 0: never under the ground). */
  minHeightM: number;
  /** Highest camera height above the ground, metres (never into space). */
  maxHeightM: number;
  /** Largest tilt away from straight down, degrees (0 = only straight down, 90 = up to the horizon). */
  maxTiltDeg: number;
}

export interface KioskConfig {
  version: typeof KIOSK_CONFIG_VERSION;
  title: LocalizedText;
  intro: LocalizedText;
  startView: KioskCameraView;
  /** Catalog layer ids a citizen may switch on and off. */
  toggleableLayers: string[];
  variants: KioskVariant[];
  stories: KioskStory[];
  /** Story the attract loop plays; the first story when absent. */
  attractStoryId?: string;
  feedbackCategories: KioskFeedbackCategory[];
  /** Seconds without touch before the "Noch da?" countdown. */
  idleTimeoutS: number;
  /** Seconds the countdown runs before the reset. */
  countdownS: number;
  staffPin: KioskPinHash;
  cameraBounds: KioskCameraBounds;
  /** JS heap size after which the kiosk reloads itself at the next idle reset, MB. */
  heapLimitMB: number;
  /** OGC API – Features items URL to POST pins to: `https://…` or a same-origin path `/…`. Absent: no sync. */
  syncEndpoint?: string;
}
