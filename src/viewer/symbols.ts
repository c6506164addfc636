/**
 * Point symbols drawn on a canvas, so that no icon is fetched from anywhere,
 * handed to Cesium as a PNG data URL. Cached per kind and colour.
 */
const cache = new Map<string, string>();

export type SymbolKind = 'tree' | 'playground' | 'pin';

/**
 * The symbol as a `data:image/png` URL. Not the canvas itself: Cesium keys a
 * billboard's place in its texture atlas by the image's URL and gives an
 * image without one (a canvas) a fresh id every time it is set, which its
 * entity visualizer does whenever a hidden layer is shown again. Each story
 * step of the kiosk that showed the trees added every tree's symbol to the
 * atlas once more (≈ 0.2 MB of JS heap per kiosk cycle, plus GPU texture,
 * without end); with the URL as id it is added once per collection.
 */
export function drawSymbol(kind: SymbolKind, color: string): string {
  const key = `${kind}|${color}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const c = document.createElement('canvas');
  c.width = 32;
  c.height = 32;
  const g = c.getContext('2d')!;
  g.lineWidth = 2;
  g.strokeStyle = '#ffffff';
  g.fillStyle = color;
  if (kind === 'tree') {
    // Crown on a short trunk.
    g.fillStyle = '#6b4a2b';
    g.fillRect(14, 18, 4, 12);
    g.fillStyle = color;
    g.beginPath();
    g.arc(16, 13, 10, 0, Math.PI * 2);
    g.fill();
    g.stroke();
  } else if (kind === 'playground') {
    // Rounded square with a swing-like glyph.
    g.beginPath();
    g.roundRect(3, 3, 26, 26, 6);
    g.fill();
    g.stroke();
    g.strokeStyle = '#ffffff';
    g.beginPath();
    g.moveTo(8, 26);
    g.lineTo(16, 8);
    g.lineTo(24, 26);
    g.moveTo(13, 20);
    g.lineTo(19, 20);
    g.stroke();
  } else {
    g.beginPath();
    g.arc(16, 12, 9, Math.PI, 0);
    g.lineTo(16, 30);
    g.closePath();
    g.fill();
    g.stroke();
    g.fillStyle = '#ffffff';
    g.beginPath();
    g.arc(16, 12, 3.5, 0, Math.PI * 2);
    g.fill();
  }
  const url = c.toDataURL('image/png');
  cache.set(key, url);
  return url;
}
