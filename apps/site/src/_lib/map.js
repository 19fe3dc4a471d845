import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, geoContains, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature, merge } from 'topojson-client';

/**
 * The infobox's locator map, drawn at build time as SVG: the countries of Natural Earth's
 * public-domain 1:110m dataset (the `world-atlas` package), projected with d3-geo (the Natural
 * Earth projection, centred between the two countries: little shearing at either end, unlike a
 * conic or azimuthal one), the two countries highlighted. No
 * request leaves the site: the SVG is a file of its own (/assets/locator-map[-dark].svg).
 *
 * Ukraine is drawn within its internationally recognised borders, Crimea included (UN General
 * Assembly resolution 68/262, and Wikipedia's locator maps). Natural Earth's default "de facto"
 * view puts Crimea in Russia's shape; the polygon is moved to Ukraine here.
 */

const require = createRequire(import.meta.url);

/** ISO 3166-1 numeric ids in world-atlas. */
const RUSSIA = '643';
const UKRAINE = '804';
/** A point in Crimea (Simferopol), to find its polygon. */
const SIMFEROPOL = /** @type {[number, number]} */ ([34.1, 44.95]);

/** Colours per theme: sea, land, borders, and the two highlighted countries (in order). */
export const MAP_THEMES = {
  light: { sea: '#eaf1f8', land: '#d5dae0', border: '#ffffff', highlight: ['#b3261e', '#0b57a4'] },
  dark: { sea: '#16202b', land: '#3b4552', border: '#16202b', highlight: ['#ff8a80', '#8ab4f8'] },
};

/** Longitude/latitude bounds of a feature (d3's geoBounds). */
const geoPathBounds = (/** @type {any} */ f) => geoBounds(f);

/** @type {{ features: any[] } | undefined} */
let countries;

/** The countries as GeoJSON features, Crimea within Ukraine. */
export function worldCountries() {
  if (countries !== undefined) return countries;
  const topology = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'),
  );
  const geometries = /** @type {any[]} */ (topology.objects.countries.geometries);
  const russia = geometries.find((g) => g.id === RUSSIA);
  const ukraine = geometries.find((g) => g.id === UKRAINE);
  if (russia?.type === 'MultiPolygon' && ukraine !== undefined) {
    const polygons = /** @type {any[]} */ (russia.arcs);
    const crimea = polygons.findIndex((arcs) =>
      geoContains(/** @type {any} */ (feature(topology, { type: 'Polygon', arcs })), SIMFEROPOL),
    );
    if (crimea !== -1) {
      const merged = merge(topology, [ukraine, { type: 'Polygon', arcs: polygons[crimea] }]);
      const rest = polygons.filter((_, i) => i !== crimea);
      const features = geometries.map((g) => {
        if (g === ukraine)
          return { type: 'Feature', id: g.id, properties: g.properties, geometry: merged };
        if (g === russia) return feature(topology, { ...g, arcs: rest });
        return feature(topology, g);
      });
      countries = { features };
      return countries;
    }
  }
  countries = /** @type {any} */ (feature(topology, topology.objects.countries));
  return /** @type {{ features: any[] }} */ (countries);
}

/**
 * The map as an SVG document.
 * @param {{ highlight: readonly string[], theme: keyof typeof MAP_THEMES, width?: number, height?: number }} o
 *   highlight: the ISO numeric ids of the countries to highlight (at most two, in colour order)
 */
export function locatorMap(o) {
  const width = o.width ?? 640;
  const height = o.height ?? 400;
  const colours = MAP_THEMES[o.theme];
  const all = worldCountries().features;
  const shown = o.highlight.map((id) => {
    const f = all.find((c) => c.id === id);
    if (f === undefined) throw new Error(`locator map: no country with ISO numeric id ${id}`);
    return f;
  });
  const both = { type: 'FeatureCollection', features: shown };
  const bounds = shown.map((f) => geoPathBounds(f));
  const west = Math.min(...bounds.map((b) => b[0][0]));
  const east = Math.max(...bounds.map((b) => b[1][0]));
  const margin = Math.round(width * 0.06);
  const projection = geoNaturalEarth1()
    .rotate([-(west + east) / 2, 0])
    .fitExtent(
      [
        [margin, margin],
        [width - margin, height - margin],
      ],
      /** @type {any} */ (both),
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const path = geoPath(projection).digits(1);
  const land = all
    .filter((c) => !o.highlight.includes(c.id))
    .map((c) => path(c))
    .filter((d) => d !== null && d !== '')
    .join('');
  const highlighted = shown.map((f, i) => {
    const d = path(f) ?? '';
    const colour = colours.highlight[i] ?? colours.highlight[0];
    // A small country gets a ring around it, so that it can be found (as on Wikipedia's maps).
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    const size = Math.max(x1 - x0, y1 - y0);
    const ring =
      size < width / 12
        ? `<circle cx="${((x0 + x1) / 2).toFixed(1)}" cy="${((y0 + y1) / 2).toFixed(1)}" r="${(size / 2 + width / 40).toFixed(1)}" fill="none" stroke="${colour}" stroke-width="${(width / 220).toFixed(1)}"/>`
        : '';
    return `<path d="${d}" fill="${colour}" stroke="${colours.border}" stroke-width="0.6"/>${ring}`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
<rect width="${width}" height="${height}" fill="${colours.sea}"/>
<path d="${land}" fill="${colours.land}" stroke="${colours.border}" stroke-width="0.6" stroke-linejoin="round"/>
${highlighted.join('\n')}
</svg>
`;
}
