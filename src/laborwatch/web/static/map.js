// Draws the evidence map from bundled boundaries and /api/map; no tiles, no network.
(async function () {
  const svg = document.getElementById("map");
  const legend = document.getElementById("map-legend");
  const ns = "http://www.w3.org/2000/svg";
  const [world, data] = await Promise.all([
    fetch("/static/vendor/countries-110m.json").then((r) => r.json()),
    fetch("/api/map").then((r) => r.json()),
  ]);
  const counts = new Map(data.countries.map((c) => [String(c.numeric).padStart(3, "0"), c]));
  const largest = Math.max(1, ...data.countries.map((c) => c.documents));
  // The search narrowed to a country: where a click on it, or its name, leads.
  const evidenceOf = (country) => `/search?country=${encodeURIComponent(country.code)}`;
  const projection = d3.geoNaturalEarth1().fitSize([960, 500], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const countries = topojson.feature(world, world.objects.countries).features;
  for (const feature of countries) {
    const shape = document.createElementNS(ns, "path");
    shape.setAttribute("d", path(feature));
    const found = counts.get(String(feature.id).padStart(3, "0"));
    const share = found ? found.documents / largest : 0;
    // As charts.shade draws the legend's steps: 0.25 for one report, 1 for the most.
    shape.setAttribute("fill", found ? "#c0392b" : "#e8e8e8");
    if (found) shape.setAttribute("fill-opacity", String(0.25 + 0.75 * share));
    shape.setAttribute("stroke", "#fff");
    shape.setAttribute("class", found ? "country evidenced" : "country");
    const title = document.createElementNS(ns, "title");
    title.textContent = found ? `${found.name}: ${found.documents} report(s)` : feature.properties.name;
    shape.appendChild(title);
    if (found) {
      // A link, not a click handler: keyboards and screen readers reach it too.
      const link = document.createElementNS(ns, "a");
      link.setAttribute("href", evidenceOf(found));
      link.setAttribute("aria-label", title.textContent);
      link.appendChild(shape);
      svg.appendChild(link);
    } else {
      svg.appendChild(shape);
    }
  }
  // Provinces go above the countries and below the dots; their boundaries (1 MB)
  // are fetched only when a report names one.
  const provinces = document.createElementNS(ns, "g");
  provinces.setAttribute("id", "map-provinces");
  svg.appendChild(provinces);
  if (data.subdivisions.length) drawProvinces(provinces, data.subdivisions);
  for (const point of data.points) {
    const [x, y] = projection([point.longitude, point.latitude]);
    const dot = document.createElementNS(ns, "circle");
    dot.setAttribute("cx", x);
    dot.setAttribute("cy", y);
    dot.setAttribute("r", 3 + Math.min(point.documents, 10));
    dot.setAttribute("class", "place");
    const title = document.createElementNS(ns, "title");
    // "Urumqi, Xinjiang, China"; a province's own dot just "Xinjiang, China".
    const where = point.place.startsWith(point.name) ? point.place : `${point.name}, ${point.place}`;
    title.textContent = `${where}: ${point.documents} report(s)`;
    dot.appendChild(title);
    svg.appendChild(dot);
  }
  for (const country of data.countries) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = evidenceOf(country);
    link.textContent = country.name;  // text, never markup
    item.append(link, `: ${country.documents} report(s)`);
    legend.appendChild(item);
  }

  async function drawProvinces(group, subdivisions) {
    const admin1 = await fetch("/static/vendor/admin1.json").then((r) => r.json());
    const known = new Map(subdivisions.map((s) => [s.code, s]));
    const features = topojson.feature(admin1, admin1.objects.provinces).features;
    for (const feature of features) {
      const found = known.get(feature.id);
      if (!found) continue;
      const shape = document.createElementNS(ns, "path");
      shape.setAttribute("d", path(feature));
      // The countries' scale: a province never has more reports than its country.
      shape.setAttribute("fill", "#c0392b");
      shape.setAttribute("fill-opacity", String(0.25 + 0.75 * (found.documents / largest)));
      shape.setAttribute("stroke", "#641e16");
      shape.setAttribute("stroke-width", "0.5");
      shape.setAttribute("class", "province evidenced");
      const title = document.createElementNS(ns, "title");
      title.textContent = `${found.name}: ${found.documents} report(s)`;
      shape.appendChild(title);
      const link = document.createElementNS(ns, "a");
      link.setAttribute("href", `/search?subdivision=${encodeURIComponent(found.code)}`);
      link.setAttribute("aria-label", title.textContent);
      link.appendChild(shape);
      group.appendChild(link);
    }
    const list = document.getElementById("map-subdivisions");
    for (const subdivision of subdivisions) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `/search?subdivision=${encodeURIComponent(subdivision.code)}`;
      link.textContent = subdivision.name;  // text, never markup
      item.append(link, `: ${subdivision.documents} report(s)`);
      list.appendChild(item);
    }
    list.hidden = false;
    document.getElementById("map-subdivisions-heading").hidden = false;
  }
})();
