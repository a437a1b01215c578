// Under 576 px a bar or line chart is too narrow to read (labels cut, bars a few px wide): each one
// gets a table twin with the same numbers, title, units and source, which site.css shows in the
// chart's place on phones (issue 9). Built in the browser from the drawn figure, so every chart of
// every page has one without a callback of its own; rebuilt after each redraw. Maps and other
// kinds keep their drawing.
(function () {
    var KINDS = {bar: true, scatter: true};

    function plain(html) {
        var div = document.createElement("div");
        div.innerHTML = String(html || "").replace(/<br\s*\/?>/gi, " ");
        return div.textContent.trim();
    }

    function number(v) {
        if (v === null || v === undefined || v !== v) { return "—"; }
        return Number(v).toLocaleString("en-US", {minimumFractionDigits: 1, maximumFractionDigits: 1});
    }

    function build(gd) {
        var data = (gd.data || []).filter(function (t) { return t.visible !== false && t.visible !== "legendonly"; });
        if (!data.length || !data.every(function (t) { return KINDS[t.type || "scatter"]; })) { return null; }
        var layout = gd.layout || {};
        var categories = [], columns = [], cells = {};
        data.forEach(function (t, i) {
            var horizontal = t.orientation === "h";
            var cats = horizontal ? t.y : t.x, vals = horizontal ? t.x : t.y;
            if (!cats || !vals) { return; }
            columns.push(plain(t.name) || String(i + 1));
            var hover = Array.isArray(t.hovertext) ? t.hovertext : [];
            for (var k = 0; k < cats.length; k++) {
                // the full name from the hover's bold first line, where the axis label is cut short
                var full = /<b>(.*?)<\/b>/.exec(String(hover[k] || ""));
                var c = full ? plain(full[1]) : String(cats[k]);
                if (!(c in cells)) { cells[c] = {}; categories.push(c); }
                cells[c][i] = vals[k];
            }
        });
        if (!categories.length) { return null; }
        var table = document.createElement("table");
        table.className = "table table-sm chart-table";
        var title = layout.title || {};
        var caption = table.createCaption();
        caption.textContent = [plain(title.text), plain(title.subtitle && title.subtitle.text)].filter(Boolean).join(" · ");
        var head = table.createTHead().insertRow();
        head.appendChild(document.createElement("th")).scope = "col";
        columns.forEach(function (name) {
            var th = document.createElement("th");
            th.scope = "col"; th.className = "text-end"; th.textContent = name;
            head.appendChild(th);
        });
        var body = table.createTBody();
        categories.forEach(function (c) {
            var tr = body.insertRow();
            var th = document.createElement("th");
            th.scope = "row"; th.textContent = c;
            tr.appendChild(th);
            data.forEach(function (t, i) {
                var td = tr.insertCell();
                td.className = "text-end"; td.textContent = number(cells[c][i]);
            });
        });
        var source = (layout.annotations || []).map(function (a) { return plain(a.text); }).filter(Boolean).pop();
        var wrap = document.createElement("div");
        wrap.className = "chart-table-wrap";
        wrap.tabIndex = 0;       // a wide table scrolls inside it: reachable by keyboard (axe scrollable-region-focusable)
        wrap.appendChild(table);
        if (source) {
            var p = document.createElement("p");
            p.className = "small text-secondary mb-0"; p.textContent = source;
            wrap.appendChild(p);
        }
        return wrap;
    }

    function refresh(gd) {
        var host = gd.closest(".dash-graph") || gd.parentElement;
        if (!host || !host.parentElement) { return; }
        var old = host.nextElementSibling;
        if (old && old.classList.contains("chart-table-wrap")) { old.remove(); }
        var twin = build(gd);
        host.classList.toggle("has-chart-table", !!twin);
        if (twin) { host.insertAdjacentElement("afterend", twin); }
    }

    function watch(gd) {
        if (gd.__chartTable || typeof gd.on !== "function") { return; }
        gd.__chartTable = true;
        gd.on("plotly_afterplot", function () { refresh(gd); });
        refresh(gd);
    }

    new MutationObserver(function () {
        document.querySelectorAll(".js-plotly-plot").forEach(watch);
    }).observe(document.documentElement, {childList: true, subtree: true});
})();
