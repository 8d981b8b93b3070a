// Enhancements of the liaison portal. Every page works without this file: it only adds a map of the listed
// requests on the dashboard, and a map on the grid that fills a row's lat and long with a click.
(function () {
    'use strict';

    function readJson(id) {
        var element = document.getElementById(id);
        return element ? JSON.parse(element.textContent) : null;
    }

    // The list is the dashboard. The map only adds a view of the same rows.
    function requestsMap() {
        var element = document.getElementById('requests-map');
        var points = readJson('map-points');
        if (!element || !points || points.length === 0) {
            return;
        }

        element.hidden = false;
        var map = L.map(element);
        if (element.dataset.tileUrl) {
            L.tileLayer(element.dataset.tileUrl, { maxZoom: 19 }).addTo(map);
        }

        var markers = points.map(function (point) {
            var label = document.createElement('span');
            label.textContent = point.id + ' ' + point.service + ' (' + point.status + ')';
            return L.circleMarker([point.lat, point.lon], { radius: 6 }).bindPopup(label);
        });
        var group = L.featureGroup(markers).addTo(map);
        map.fitBounds(group.getBounds().pad(0.1));
    }

    // Each grid row gets a Map button. After it is chosen, a click on the map fills that row's lat and long.
    function gridMap() {
        var form = document.getElementById('grid-form');
        var panel = document.getElementById('grid-map');
        var areasJson = readJson('grid-areas');
        if (!form || !panel || !areasJson) {
            return;
        }

        panel.hidden = false;
        var map = L.map(panel);
        if (panel.dataset.tileUrl) {
            L.tileLayer(panel.dataset.tileUrl, { maxZoom: 19 }).addTo(map);
        }

        var areas = L.geoJSON(areasJson).addTo(map);
        if (areas.getLayers().length > 0) {
            map.fitBounds(areas.getBounds());
        } else {
            map.setView([0, 0], 2);
        }

        var active = null;
        var marker = null;
        form.querySelectorAll('tr[data-row]').forEach(function (row) {
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'map-button';
            button.textContent = 'Map';
            button.setAttribute('aria-label', 'Place row ' + (Number(row.dataset.row) + 1) + ' on the map');
            button.addEventListener('click', function () {
                active = row;
                panel.scrollIntoView({ block: 'center' });
            });
            row.cells[0].appendChild(button);
        });

        map.on('click', function (event) {
            if (!active) {
                return;
            }

            active.querySelector('input[name$=".Lat"]').value = event.latlng.lat.toFixed(6);
            active.querySelector('input[name$=".Long"]').value = event.latlng.lng.toFixed(6);
            if (marker) {
                marker.setLatLng(event.latlng);
            } else {
                marker = L.circleMarker(event.latlng, { radius: 7 }).addTo(map);
            }
        });
    }

    if (window.L) {
        requestsMap();
        gridMap();
    }
})();
