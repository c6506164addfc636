/** Types of contentSecurityPolicy.mjs (see there for the policy and why). */
export function contentSecurityPolicy(onlineOrigins: readonly string[], opts?: { meta?: boolean }): string;
export function securityHeaders(onlineOrigins: readonly string[]): Record<string, string>;
export function layerOrigin(url: string): string | null;
export function onlineOriginsOf(layers: readonly { url: string }[]): string[];
export function configuredOnlineOrigins(dataDir: string, extraLayers?: readonly { url: string }[]): string[];
