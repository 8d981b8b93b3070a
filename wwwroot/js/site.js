// Enhancements of the public site. Every page works without this file: it only adds maps, a filter box for
// the service list, live showing and hiding of conditional questions, and focus on the error summary.
(function () {
    'use strict';

    document.documentElement.classList.add('js');

    function focusErrorSummary() {
        var summary = document.querySelector('[data-focus-on-load]');
        if (summary) {
            summary.focus();
        }
    }

    // Adds a text box above a grouped <select> that hides the options and groups not matching the typed words.
    function enhanceServiceFilter() {
        var select = document.querySelector('select[data-filterable]');
        if (!select) {
            return;
        }

        var wrapper = document.createElement('div');
        wrapper.className = 'field';
        var label = document.createElement('label');
        label.htmlFor = 'service-filter';
        label.textContent = 'Filter the services';
        var input = document.createElement('input');
        input.type = 'search';
        input.id = 'service-filter';
        input.autocomplete = 'off';
        input.setAttribute('aria-controls', select.id);
        var status = document.createElement('p');
        status.className = 'hint';
        status.setAttribute('role', 'status');
        wrapper.append(label, input, status);
        select.parentElement.insertBefore(wrapper, select.parentElement.querySelector('label'));

        input.addEventListener('input', function () {
            var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
            var shown = 0;
            select.querySelectorAll('optgroup').forEach(function (group) {
                var any = false;
                group.querySelectorAll('option').forEach(function (option) {
                    var text = (option.textContent + ' ' + (option.dataset.keywords || '') + ' ' + group.label).toLowerCase();
                    var match = words.every(function (word) { return text.indexOf(word) >= 0; });
                    option.hidden = !match;
                    option.disabled = !match;
                    any = any || match;
                    shown += match ? 1 : 0;
                });
                group.hidden = !any;
            });
            status.textContent = words.length === 0 ? '' : shown + (shown === 1 ? ' service matches.' : ' services match.');
        });
    }

    // Shows each conditional question only while its condition holds, with the server's rule. A condition holds
    // when the named question's answer contains the value, and "all" needs every condition.
    function enhanceConditions() {
        var form = document.querySelector('form[enctype="multipart/form-data"]');
        var questions = document.querySelectorAll('[data-condition]:not([data-condition=""])');
        if (!form || questions.length === 0) {
            return;
        }

        function answers(code) {
            return Array.prototype.filter.call(form.elements, function (element) {
                return element.name === 'attribute[' + code + ']' && !element.closest('[hidden]');
            }).filter(function (element) {
                return (element.type !== 'checkbox' && element.type !== 'radio') || element.checked;
            }).map(function (element) { return element.value; });
        }

        function update() {
            questions.forEach(function (question) {
                var rule = JSON.parse(question.dataset.condition);
                var test = function (condition) { return answers(condition.attribute).indexOf(condition.value) >= 0; };
                var holds = rule.all ? rule.conditions.every(test) : rule.conditions.some(test);
                question.hidden = !holds;
                question.querySelectorAll('input, select, textarea').forEach(function (element) { element.disabled = !holds; });
                var note = question.querySelector('.condition-note');
                if (note) {
                    note.hidden = true;
                }
            });
        }

        form.addEventListener('change', update);
        update();
    }

    function tileLayer(element, map) {
        var url = element.dataset.tiles;
        if (url) {
            L.tileLayer(url, { maxZoom: 19, attribution: element.dataset.attribution || '' }).addTo(map);
        }
    }

    function pointsMap(element) {
        var points = JSON.parse(element.dataset.points || '[]');
        var map = L.map(element, { scrollWheelZoom: false });
        tileLayer(element, map);
        var markers = points.map(function (point) {
            var link = document.createElement('a');
            link.href = '/requests/' + encodeURIComponent(point.id) + '?jurisdiction=' + encodeURIComponent(point.j);
            link.textContent = point.name + ' #' + point.id;
            return L.marker([point.lat, point.lon], { title: point.name + ' #' + point.id, alt: point.name }).bindPopup(link).addTo(map);
        });
        var group = L.featureGroup(markers);
        map.fitBounds(group.getBounds().pad(0.2), { maxZoom: 16 });
    }

    function pickMap(element) {
        var latInput = document.getElementById(element.dataset.latInput);
        var longInput = document.getElementById(element.dataset.longInput);
        var map = L.map(element, { scrollWheelZoom: false });
        tileLayer(element, map);
        var bounds = element.dataset.bounds ? JSON.parse(element.dataset.bounds) : null;
        var marker = null;

        function place(latlng, fromMap) {
            if (!marker) {
                marker = L.marker(latlng, { draggable: true, keyboard: true, title: 'Pin of the problem', alt: 'Pin' }).addTo(map);
                marker.on('dragend', function () { place(marker.getLatLng(), true); });
            } else {
                marker.setLatLng(latlng);
            }

            if (fromMap) {
                latInput.value = latlng.lat.toFixed(6);
                longInput.value = latlng.lng.toFixed(6);
            }
        }

        function fromInputs() {
            var lat = parseFloat(latInput.value);
            var lng = parseFloat(longInput.value);
            if (isFinite(lat) && isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
                place(L.latLng(lat, lng), false);
                return true;
            }

            return false;
        }

        if (fromInputs()) {
            map.setView(marker.getLatLng(), 16);
        } else if (bounds) {
            map.fitBounds(bounds);
        } else {
            map.setView([0, 0], 2);
        }

        map.on('click', function (event) { place(event.latlng, true); });
        latInput.addEventListener('change', fromInputs);
        longInput.addEventListener('change', fromInputs);
    }

    // Draws the neighbourhoods from the report card's GeoJSON over the tiles, in the same five shades as the
    // server-drawn map beside it.
    function areasMap(element) {
        var shades = ['#e8eef5', '#b9cde3', '#7ea6cf', '#3f78b3', '#0b3d6e'];
        var map = L.map(element, { scrollWheelZoom: false });
        tileLayer(element, map);
        fetch(element.dataset.geojson, { headers: { Accept: 'application/geo+json' } })
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(function (collection) {
                var max = Math.max.apply(null, collection.features.map(function (f) { return f.properties.requests; }).concat([1]));
                var layer = L.geoJSON(collection, {
                    style: function (feature) {
                        var step = Math.min(4, Math.ceil(4 * feature.properties.requests / max));
                        return { color: '#ffffff', weight: 1, fillColor: shades[step], fillOpacity: 0.7 };
                    },
                    onEachFeature: function (feature, shape) {
                        shape.bindTooltip(feature.properties.name + ': ' + feature.properties.requests + ' requests');
                    }
                }).addTo(map);
                map.fitBounds(layer.getBounds());
            })
            .catch(function () { element.hidden = true; });
    }

    function enhanceMaps() {
        if (typeof L === 'undefined') {
            return;
        }

        document.querySelectorAll('[data-map="points"]').forEach(pointsMap);
        document.querySelectorAll('[data-map="pick"]').forEach(pickMap);
        document.querySelectorAll('[data-map="areas"]').forEach(areasMap);
    }

    focusErrorSummary();
    enhanceServiceFilter();
    enhanceConditions();
    enhanceMaps();
}());
