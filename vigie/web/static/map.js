// The desk's map: offline base map (shipped boundaries), clustered event markers.
// No tile server; every string from the data is set as text, never as HTML.
(function () {
  "use strict";
  var SYRIA = [[32.3, 35.6], [37.4, 42.4]];
  var BASE_STYLE = {
    neighbour: {color: "#b9b9b9", weight: 1, fillColor: "#efefef", fillOpacity: 1},
    country: {color: "#555", weight: 2, fill: false},
    governorate: {color: "#888", weight: 1, fillColor: "#fbf8f1", fillOpacity: 1},
    golan: {color: "#999", weight: 1, dashArray: "4", fillColor: "#e8e8e8", fillOpacity: 1}
  };
  var ORDER = {neighbour: 0, governorate: 1, golan: 2, country: 3};

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function line(parent, text, tag) {
    var el = document.createElement(tag || "div");
    el.textContent = text;
    parent.appendChild(el);
    return el;
  }

  function popup(p) {
    var box = document.createElement("div");
    line(box, p.event_date + " · " + p.sub_event_type, "strong");
    line(box, (p.actor1 || "?") + (p.actor2 ? " — " + p.actor2 : ""));
    if (p.location) { line(box, p.location); }
    line(box, "Deaths low/best/high: " + p.fatalities_low + " / " + p.fatalities_best + " / " + p.fatalities_high);
    var link = line(box, "Open the event", "a");
    link.href = "/events/" + encodeURIComponent(p.event_id);
    return box;
  }

  function drawBase(map, url) {
    fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      data.features.sort(function (a, b) { return ORDER[a.properties.layer] - ORDER[b.properties.layer]; });
      var layer = L.geoJSON(data, {
        style: function (f) { return BASE_STYLE[f.properties.layer] || {}; },
        interactive: false
      }).addTo(map);
      layer.bringToBack();
    });
  }

  function start() {
    var node = document.getElementById("map");
    if (!node || typeof L === "undefined") { return; }
    var colours = readJson("type-colours") || {};
    var map = L.map(node, {attributionControl: true, zoomSnap: 0.25, minZoom: 4, maxZoom: 14});
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: UN OCHA COD-AB, Natural Earth");
    map.fitBounds(SYRIA);
    drawBase(map, node.getAttribute("data-basemap"));
    var source = node.getAttribute("data-points");
    if (source) {
      fetch(source).then(function (r) { return r.json(); }).then(function (data) {
        drawPoints(map, node, data, colours);
      });
    } else {
      drawPoints(map, node, readJson("map-data") || {points: []}, colours);
    }
  }

  function drawPoints(map, node, data, colours) {
    var cluster = L.markerClusterGroup({maxClusterRadius: 30});
    var bounds = [];
    data.points.forEach(function (p) {
      var marker = L.circleMarker([p.latitude, p.longitude], {
        radius: 5 + 2 * Math.sqrt(p.fatalities_best || 0),
        color: "#222", weight: 1, fillColor: colours[p.event_type] || "#555", fillOpacity: 0.85
      });
      marker.bindPopup(popup(p));
      cluster.addLayer(marker);
      bounds.push([p.latitude, p.longitude]);
    });
    map.addLayer(cluster);
    if (bounds.length === 1) { map.setView(bounds[0], 9); }
    var note = document.getElementById("map-note");
    if (note && data.truncated) { note.textContent = "The map shows the " + data.points.length + " deadliest."; }
    node.setAttribute("data-markers", String(data.points.length));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
