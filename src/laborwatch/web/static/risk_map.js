// Draws the risk register's map from bundled boundaries and what the page lists
// (with map_draw.js): countries (#risk-countries, their strongest row's colour),
// provinces (#risk-subdivisions, the same) and subdivision points (rows with
// coordinates). No tiles, no network, no markup from data.
(async function () {
  const svg = document.getElementById("risk-map");
  if (!svg) return;
  const countries = await mapDraw.boundaries("/static/vendor/countries-110m.json", "countries");
  // A listed country or province: its colour, the link to its rows, its text.
  const shadingOf = (item) => ({
    colour: item.dataset.colour,
    href: item.querySelector("a").getAttribute("href"),
    label: item.textContent,
  });
  const shaded = new Map();
  for (const item of document.querySelectorAll("#risk-countries li[data-numeric]")) {
    shaded.set(mapDraw.numeric(item.dataset.numeric), shadingOf(item));
  }
  for (const feature of countries) {
    const found = shaded.get(mapDraw.numeric(feature.id));
    mapDraw.area(svg, feature, {
      attributes: {
        fill: found ? found.colour : "#e8e8e8",
        stroke: "#fff",
        class: found ? "country evidenced" : "country",
      },
      label: found ? found.label : feature.properties.name,
      href: found ? found.href : undefined,
    });
  }
  // Provinces with a row, above the countries and below the dots; their
  // boundaries (1 MB) are fetched only when the page lists one.
  const provinces = mapDraw.group(svg, "risk-provinces");
  const listed = document.querySelectorAll("#risk-subdivisions li[data-code]");
  if (listed.length) drawProvinces(provinces, listed);
  const drawn = new Set();
  for (const row of document.querySelectorAll("#risk-rows tr[data-longitude]")) {
    const key = `${row.dataset.longitude},${row.dataset.latitude}`;
    if (drawn.has(key)) continue;
    drawn.add(key);
    const [longitude, latitude] = [Number(row.dataset.longitude), Number(row.dataset.latitude)];
    const style = { r: 4, fill: "#1f4e79", class: "place" };
    mapDraw.dot(svg, longitude, latitude, style, row.dataset.place);
  }

  async function drawProvinces(group, items) {
    const features = await mapDraw.boundaries("/static/vendor/admin1.json", "provinces");
    const rows = new Map([...items].map((item) => [item.dataset.code, shadingOf(item)]));
    mapDraw.shade(group, features, rows, ({ colour, label, href }) => ({
      attributes: { fill: colour, stroke: "#fff", "stroke-width": "0.5", class: "province evidenced" },
      label,
      href,
    }));
  }
})();
