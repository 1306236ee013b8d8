// Initialise every .briefing-map container with the vendored Leaflet.
// Material's document$ fires on first load and after every instant-navigation page swap.
// Marker data comes from the data-points attribute (JSON written by the generator); labels
// and links are set with textContent / checked hrefs, never as HTML.
(function () {
  "use strict";
  var TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  var ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

  function safeHref(url) {
    // only site-relative links or http(s)
    if (typeof url !== "string") return null;
    if (/^https?:\/\//i.test(url)) return url;
    if (/^[A-Za-z0-9._~\/#%-]*$/.test(url) && !/^\/\//.test(url)) return url;
    return null;
  }

  function link(url, text) {
    var a = document.createElement("a");
    var href = safeHref(url);
    if (href !== null) a.setAttribute("href", href);
    a.textContent = text;
    return a;
  }

  function popup(p) {
    var box = document.createElement("div");
    box.className = "briefing-map__popup";
    var title = document.createElement("strong");
    title.appendChild(link(p.url, p.label || ""));
    box.appendChild(title);
    var kind = document.createElement("div");
    kind.textContent = (p.kind || "place") + (p.approx ? " (approximate position)" : "");
    box.appendChild(kind);
    if (p.links && p.links.length) {
      var list = document.createElement("ul");
      p.links.forEach(function (l) {
        var li = document.createElement("li");
        li.appendChild(link(l.url, (l.date ? l.date + " · " : "") + (l.title || "")));
        list.appendChild(li);
      });
      box.appendChild(list);
      if (p.count > p.links.length) box.appendChild(link(p.url, "All " + p.count + " briefings"));
    }
    return box;
  }

  // Leaflet (150 KB of script) is fetched only by a page that has a map, next to this script
  // (assets/javascripts/ -> assets/vendor/leaflet/), so other pages do not download and parse it
  // before their search box is ready.
  var SCRIPT = document.currentScript && document.currentScript.src;
  var LEAFLET = SCRIPT ? new URL("../vendor/leaflet/leaflet.js", SCRIPT).href : null;
  var loading = null;

  function leaflet() {
    if (typeof L !== "undefined") return Promise.resolve();
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = LEAFLET;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function init() {
    if (!document.querySelector(".briefing-map:not([data-map-ready])") || !LEAFLET) return;
    leaflet().then(draw, function () { loading = null; });
  }

  function draw() {
    document.querySelectorAll(".briefing-map").forEach(function (el) {
      if (el.dataset.mapReady) return;
      el.dataset.mapReady = "1";
      var points = [];
      try { points = JSON.parse(el.dataset.points || "[]"); } catch (e) { points = []; }
      var map = L.map(el, { scrollWheelZoom: false });
      var tiles = el.dataset.tiles || TILES;
      if (tiles !== "none" && safeHref(tiles) !== null) {
        L.tileLayer(tiles, { maxZoom: 18, attribution: ATTRIBUTION }).addTo(map);
      }
      var latlngs = [];
      points.forEach(function (p) {
        if (typeof p.lat !== "number" || typeof p.lon !== "number") return;
        var marker = L.marker([p.lat, p.lon], { title: String(p.label || "") }).addTo(map);
        marker.bindPopup(popup(p));
        latlngs.push([p.lat, p.lon]);
      });
      if (latlngs.length) map.fitBounds(latlngs, { padding: [30, 30], maxZoom: 8 });
      else map.setView([20, 0], 1);
    });
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
