/**
 * Geometry of the emulator's world: areas of interest inside a country box, square task grids
 * on slippy-map tiles, arbitrary (irregular) task grids, plus bbox, centroid and area helpers.
 *
 * Coordinates are rounded to 9 decimals, as PostGIS `ST_AsGeoJSON` prints them.
 *
 * @module
 */

import type { MultiPolygonCoordinates, Position } from "./model.ts";
import type { Rng } from "./rng.ts";

/** A task cell before it becomes a `Task`. */
export interface Cell {
  x: number | null;
  y: number | null;
  zoom: number | null;
  geometry: MultiPolygonCoordinates;
}

/** An area of interest with its task cells. */
export interface Layout {
  aoi: MultiPolygonCoordinates;
  cells: Cell[];
}

/** Rounds a coordinate to 9 decimals. */
function r9(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

function pos(lon: number, lat: number): Position {
  return [r9(lon), r9(lat)];
}

function tileLon(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

function tileLat(y: number, z: number): number {
  const n = Math.PI * (1 - (2 * y) / 2 ** z);
  return (Math.atan(Math.sinh(n)) * 180) / Math.PI;
}

function lonTile(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}

function latTile(lat: number, z: number): number {
  const rad = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
}

function ring(w: number, s: number, e: number, n: number): Position[] {
  return [pos(w, s), pos(e, s), pos(e, n), pos(w, n), pos(w, s)];
}

/** An octagon touching every side of the box, so the area's bbox is the box itself. */
function octagon(rng: Rng, w: number, s: number, e: number, n: number): MultiPolygonCoordinates {
  const dx = e - w;
  const dy = n - s;
  const c = (): number => rng.float(0, 0.3);
  const pts: Position[] = [
    pos(w + c() * dx, s),
    pos(e - c() * dx, s),
    pos(e, s + c() * dy),
    pos(e, n - c() * dy),
    pos(e - c() * dx, n),
    pos(w + c() * dx, n),
    pos(w, n - c() * dy),
    pos(w, s + c() * dy),
  ];
  const first = pts[0] as Position;
  pts.push([first[0], first[1]]);
  return [[pts]];
}

/**
 * A square GRID layout of about `target` tiles at `zoom`, centred near (lon, lat); the area of
 * interest touches every side of the grid's bbox.
 *
 * @example
 * ```ts
 * import { gridLayout } from "./geography.ts";
 * import { Rng } from "./rng.ts";
 * const layout = gridLayout(new Rng(1), 85.3, 27.7, 17, 20);
 * if (layout.cells.some((c) => c.zoom !== 17)) throw new Error("zoom");
 * ```
 */
export function gridLayout(
  rng: Rng,
  lon: number,
  lat: number,
  zoom: number,
  target: number,
): Layout {
  const nx = Math.max(1, Math.round(Math.sqrt(target) * rng.float(0.7, 1.4)));
  const ny = Math.max(1, Math.round(target / nx));
  const x0 = lonTile(lon, zoom) - Math.floor(nx / 2);
  const y0 = latTile(lat, zoom) - Math.floor(ny / 2);
  const cells: Cell[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const x = x0 + i;
      const y = y0 + j;
      const w = tileLon(x, zoom);
      const e = tileLon(x + 1, zoom);
      const n = tileLat(y, zoom);
      const s = tileLat(y + 1, zoom);
      cells.push({ x, y, zoom, geometry: [[ring(w, s, e, n)]] });
    }
  }
  const w = tileLon(x0, zoom);
  const e = tileLon(x0 + nx, zoom);
  const n = tileLat(y0, zoom);
  const s = tileLat(y0 + ny, zoom);
  return { aoi: octagon(rng, w, s, e, n), cells };
}

/**
 * An ARBITRARY layout: about `target` irregular quadrilaterals that tile a box of `size`
 * degrees around (lon, lat); x, y and zoom are null.
 */
export function arbitraryLayout(
  rng: Rng,
  lon: number,
  lat: number,
  size: number,
  target: number,
): Layout {
  const nx = Math.max(1, Math.round(Math.sqrt(target)));
  const ny = Math.max(1, Math.round(target / nx));
  const w = lon - size / 2;
  const s = lat - size / 2;
  const dx = size / nx;
  const dy = size / ny;
  const grid: Position[][] = [];
  for (let j = 0; j <= ny; j++) {
    const row: Position[] = [];
    for (let i = 0; i <= nx; i++) {
      const inner = i > 0 && i < nx && j > 0 && j < ny;
      const jx = inner ? rng.float(-0.3, 0.3) * dx : 0;
      const jy = inner ? rng.float(-0.3, 0.3) * dy : 0;
      row.push(pos(w + i * dx + jx, s + j * dy + jy));
    }
    grid.push(row);
  }
  const at = (i: number, j: number): Position => grid[j]?.[i] as Position;
  const cells: Cell[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const a = at(i, j);
      const quad = [a, at(i + 1, j), at(i + 1, j + 1), at(i, j + 1), [a[0], a[1]] as Position];
      cells.push({ x: null, y: null, zoom: null, geometry: [[quad]] });
    }
  }
  return { aoi: octagon(rng, w, s, w + size, s + size), cells };
}

/**
 * The bbox `[minX, minY, maxX, maxY]` of MultiPolygon coordinates.
 *
 * @example
 * ```ts
 * import { bbox } from "./geography.ts";
 * const b = bbox([[[[0, 0], [2, 0], [2, 1], [0, 0]]]]);
 * if (b.join() !== "0,0,2,1") throw new Error("bbox");
 * ```
 */
export function bbox(coords: MultiPolygonCoordinates): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const poly of coords) {
    for (const ringCoords of poly) {
      for (const [x, y] of ringCoords) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Planar area (square degrees, signed by winding) and centroid of one ring. */
function ringMoments(coords: Position[]): [number, number, number] {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i + 1 < coords.length; i++) {
    const [x0, y0] = coords[i] as Position;
    const [x1, y1] = coords[i + 1] as Position;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  return [a / 2, cx / 6, cy / 6];
}

/**
 * The area-weighted centroid of the outer rings, as a GeoJSON position (9 decimals).
 *
 * @example
 * ```ts
 * import { centroid } from "./geography.ts";
 * const c = centroid([[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]]);
 * if (c[0] !== 1 || c[1] !== 1) throw new Error("centroid");
 * ```
 */
export function centroid(coords: MultiPolygonCoordinates): Position {
  let a = 0, cx = 0, cy = 0;
  for (const poly of coords) {
    const outer = poly[0];
    if (!outer) continue;
    const [ra, rx, ry] = ringMoments(outer);
    a += ra;
    cx += rx;
    cy += ry;
  }
  if (a === 0) {
    const [minX, minY, maxX, maxY] = bbox(coords);
    return pos((minX + maxX) / 2, (minY + maxY) / 2);
  }
  return pos(cx / a, cy / a);
}

/**
 * Approximate area in km² (outer rings, equirectangular at each ring's mean latitude).
 *
 * @example
 * ```ts
 * import { areaKm2 } from "./geography.ts";
 * const a = areaKm2([[[[0, 0], [0.1, 0], [0.1, 0.1], [0, 0.1], [0, 0]]]]);
 * if (a < 120 || a > 125) throw new Error("about 123 km2");
 * ```
 */
export function areaKm2(coords: MultiPolygonCoordinates): number {
  let total = 0;
  for (const poly of coords) {
    const outer = poly[0];
    if (!outer) continue;
    const [a, , cy] = ringMoments(outer);
    const lat = a === 0 ? 0 : cy / a;
    total += Math.abs(a) * 111.32 * 110.574 * Math.cos((lat * Math.PI) / 180);
  }
  return total;
}
