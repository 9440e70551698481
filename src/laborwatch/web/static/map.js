// Draws the evidence map from bundled boundaries and /api/map (with map_draw.js);
// no tiles, no network.
(async function () {
  const svg = document.getElementById("map");
  const legend = document.getElementById("map-legend");
  const [countries, data] = await Promise.all([
    mapDraw.boundaries("/static/vendor/countries-110m.json", "countries"),
    fetch("/api/map").then((r) => r.json()),
  ]);
  const counts = new Map(data.countries.map((c) => [mapDraw.numeric(c.numeric), c]));
  const largest = Math.max(1, ...data.countries.map((c) => c.documents));
  // As charts.shade draws the legend's steps: 0.25 for one report, 1 for the most.
  const opacity = (found) => String(0.25 + 0.75 * (found.documents / largest));
  const reports = (found) => `${found.name}: ${found.documents} report(s)`;
  // The search narrowed to a country: where a click on it, or its name, leads.
  const evidenceOf = (country) => `/search?country=${encodeURIComponent(country.code)}`;
  const provinceEvidence = (province) =>
    `/search?subdivision=${encodeURIComponent(province.code)}`;
  for (const feature of countries) {
    const found = counts.get(mapDraw.numeric(feature.id));
    const shading = found
      ? { fill: "#c0392b", "fill-opacity": opacity(found) }
      : { fill: "#e8e8e8" };
    mapDraw.area(svg, feature, {
      attributes: { ...shading, stroke: "#fff", class: found ? "country evidenced" : "country" },
      label: found ? reports(found) : feature.properties.name,
      href: found ? evidenceOf(found) : undefined,
    });
  }
  // Provinces go above the countries and below the dots; their boundaries (1 MB)
  // are fetched only when a report names one.
  const provinces = mapDraw.group(svg, "map-provinces");
  if (data.subdivisions.length) drawProvinces(provinces, data.subdivisions);
  for (const point of data.points) {
    // "Urumqi, Xinjiang, China"; a province's own dot just "Xinjiang, China".
    const where = point.place.startsWith(point.name) ? point.place : `${point.name}, ${point.place}`;
    const size = { r: 3 + Math.min(point.documents, 10), class: "place" };
    const label = `${where}: ${point.documents} report(s)`;
    mapDraw.dot(svg, point.longitude, point.latitude, size, label);
  }
  for (const country of data.countries) listItem(legend, evidenceOf(country), country);

  async function drawProvinces(group, subdivisions) {
    const features = await mapDraw.boundaries("/static/vendor/admin1.json", "provinces");
    const known = new Map(subdivisions.map((s) => [s.code, s]));
    // The countries' scale: a province never has more reports than its country.
    mapDraw.shade(group, features, known, (found) => ({
      attributes: {
        fill: "#c0392b",
        "fill-opacity": opacity(found),
        stroke: "#641e16",
        "stroke-width": "0.5",
        class: "province evidenced",
      },
      label: reports(found),
      href: provinceEvidence(found),
    }));
    const list = document.getElementById("map-subdivisions");
    for (const subdivision of subdivisions) {
      listItem(list, provinceEvidence(subdivision), subdivision);
    }
    list.hidden = false;
    document.getElementById("map-subdivisions-heading").hidden = false;
  }

  // "China: 3 report(s)", the name linking to its evidence.
  function listItem(list, href, place) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = href;
    link.textContent = place.name;  // text, never markup
    item.append(link, `: ${place.documents} report(s)`);
    list.appendChild(item);
  }
})();
