// What the evidence map (map.js) and the risk register's map (risk_map.js) share:
// the projection, the bundled boundaries, and shaded areas and dots titled with
// text (never markup). Load it after d3-array, d3-geo and topojson-client.
const mapDraw = (() => {
  const ns = "http://www.w3.org/2000/svg";
  // Natural Earth, fitted to the maps' viewBox (0 0 960 500).
  const projection = d3.geoNaturalEarth1().fitSize([960, 500], { type: "Sphere" });
  const path = d3.geoPath(projection);

  // The features of one object of a bundled TopoJSON file.
  async function boundaries(url, object) {
    const topology = await fetch(url).then((r) => r.json());
    return topojson.feature(topology, topology.objects[object]).features;
  }

  // A country's ISO 3166 numeric code as world-atlas keys it: three digits.
  const numeric = (code) => String(code).padStart(3, "0");

  // An SVG element with these attributes (undefined ones left out), titled
  // `label` when one is given.
  function element(name, attributes, label) {
    const node = document.createElementNS(ns, name);
    for (const [key, value] of Object.entries(attributes)) {
      if (value !== undefined) node.setAttribute(key, value);
    }
    if (label !== undefined) {
      const title = document.createElementNS(ns, "title");
      title.textContent = label;
      node.appendChild(title);
    }
    return node;
  }

  // A feature's shape, titled `label`; with `href`, inside a link rather than
  // behind a click handler, so keyboards and screen readers reach it too.
  function area(parent, feature, { attributes, label, href }) {
    const shape = element("path", { d: path(feature), ...attributes }, label);
    if (!href) {
      parent.appendChild(shape);
      return;
    }
    const link = element("a", { href, "aria-label": label });
    link.appendChild(shape);
    parent.appendChild(link);
  }

  // The features `listed` has a value for (by feature id) as areas, each drawn as
  // `look(value)` says ({ attributes, label, href }); the others not at all.
  function shade(parent, features, listed, look) {
    for (const feature of features) {
      const found = listed.get(feature.id);
      if (found) area(parent, feature, look(found));
    }
  }

  function dot(parent, longitude, latitude, attributes, label) {
    const [cx, cy] = projection([longitude, latitude]);
    parent.appendChild(element("circle", { cx, cy, ...attributes }, label));
  }

  // An empty group appended to `svg`: what is drawn in it later stays below
  // what is drawn in `svg` meanwhile.
  function group(svg, id) {
    const layer = element("g", { id });
    svg.appendChild(layer);
    return layer;
  }

  return { area, boundaries, dot, group, numeric, shade };
})();
