// Draws the risk register's map from bundled boundaries and what the page lists:
// countries (#risk-countries, their strongest row's colour), provinces
// (#risk-subdivisions, the same) and subdivision points (rows with coordinates).
// No tiles, no network, no markup from data.
(async function () {
  const svg = document.getElementById("risk-map");
  if (!svg) return;
  const ns = "http://www.w3.org/2000/svg";
  const world = await fetch("/static/vendor/countries-110m.json").then((r) => r.json());
  const shaded = new Map();
  for (const item of document.querySelectorAll("#risk-countries li[data-numeric]")) {
    const link = item.querySelector("a");
    shaded.set(String(item.dataset.numeric).padStart(3, "0"), {
      colour: item.dataset.colour,
      href: link.getAttribute("href"),
      label: item.textContent,
    });
  }
  const projection = d3.geoNaturalEarth1().fitSize([960, 500], { type: "Sphere" });
  const path = d3.geoPath(projection);
  for (const feature of topojson.feature(world, world.objects.countries).features) {
    const shape = document.createElementNS(ns, "path");
    shape.setAttribute("d", path(feature));
    const found = shaded.get(String(feature.id).padStart(3, "0"));
    shape.setAttribute("fill", found ? found.colour : "#e8e8e8");
    shape.setAttribute("stroke", "#fff");
    shape.setAttribute("class", found ? "country evidenced" : "country");
    const title = document.createElementNS(ns, "title");
    title.textContent = found ? found.label : feature.properties.name;
    shape.appendChild(title);
    if (found) {
      // A link to the country's rows: keyboards and screen readers reach it too.
      const link = document.createElementNS(ns, "a");
      link.setAttribute("href", found.href);
      link.setAttribute("aria-label", found.label);
      link.appendChild(shape);
      svg.appendChild(link);
    } else {
      svg.appendChild(shape);
    }
  }
  // Provinces with a row, above the countries and below the dots; their
  // boundaries (1 MB) are fetched only when the page lists one.
  const provinces = document.createElementNS(ns, "g");
  provinces.setAttribute("id", "risk-provinces");
  svg.appendChild(provinces);
  const listed = document.querySelectorAll("#risk-subdivisions li[data-code]");
  if (listed.length) drawProvinces(provinces, listed);
  const drawn = new Set();
  for (const row of document.querySelectorAll("#risk-rows tr[data-longitude]")) {
    const key = `${row.dataset.longitude},${row.dataset.latitude}`;
    if (drawn.has(key)) continue;
    drawn.add(key);
    const [x, y] = projection([Number(row.dataset.longitude), Number(row.dataset.latitude)]);
    const dot = document.createElementNS(ns, "circle");
    dot.setAttribute("cx", x);
    dot.setAttribute("cy", y);
    dot.setAttribute("r", 4);
    dot.setAttribute("fill", "#1f4e79");
    dot.setAttribute("class", "place");
    const title = document.createElementNS(ns, "title");
    title.textContent = row.dataset.place;  // text, never markup
    dot.appendChild(title);
    svg.appendChild(dot);
  }

  async function drawProvinces(group, items) {
    const rows = new Map();
    for (const item of items) {
      rows.set(item.dataset.code, {
        colour: item.dataset.colour,
        href: item.querySelector("a").getAttribute("href"),
        label: item.textContent,
      });
    }
    const admin1 = await fetch("/static/vendor/admin1.json").then((r) => r.json());
    for (const feature of topojson.feature(admin1, admin1.objects.provinces).features) {
      const found = rows.get(feature.id);
      if (!found) continue;
      const shape = document.createElementNS(ns, "path");
      shape.setAttribute("d", path(feature));
      shape.setAttribute("fill", found.colour);
      shape.setAttribute("stroke", "#fff");
      shape.setAttribute("stroke-width", "0.5");
      shape.setAttribute("class", "province evidenced");
      const title = document.createElementNS(ns, "title");
      title.textContent = found.label;  // text, never markup
      shape.appendChild(title);
      // A link to the province's rows: keyboards and screen readers reach it too.
      const link = document.createElementNS(ns, "a");
      link.setAttribute("href", found.href);
      link.setAttribute("aria-label", found.label);
      link.appendChild(shape);
      group.appendChild(link);
    }
  }
})();
