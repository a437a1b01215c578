// A chart saved as PNG (the camera button) is named after what it shows: the page, the fiscal year,
// the filters in the address and the chart's title, e.g.
// "genero-2010-nivel-E-los-tres-totales-de-genero-por-etapa.png" instead of plotly's "newplot.png"
// (issue "Usability", item 4). The picture itself carries the title, units and source line, which
// every figure draws inside itself (components/figures.py). Set on every draw, from the address at
// that moment, so it follows the filters without a callback.
(function () {
    var KEYS = ["year", "level", "programme", "path", "por", "metric", "genero", "departamento", "programa_red",
                "precios", "lang"];

    function slug(text) {
        return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/<[^>]*>/g, " ")
            .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
    }

    function name(gd) {
        var page = slug(window.location.pathname.replace(/^\//, "")) || "resumen";
        var params = new URLSearchParams(window.location.search);
        var parts = [page];
        KEYS.forEach(function (k) {
            var v = params.get(k);
            if (v) { parts.push(k === "year" ? v : k + "-" + v); }
        });
        var title = ((gd.layout || {}).title || {}).text;
        if (title) { parts.push(slug(title)); }
        return slug(parts.join("-")).slice(0, 150) || "grafico";
    }

    function watch(gd) {
        if (gd.__pngName || typeof gd.on !== "function") { return; }
        gd.__pngName = true;
        var set = function () {
            gd._context.toImageButtonOptions = Object.assign({}, gd._context.toImageButtonOptions || {},
                                                             {filename: name(gd)});
        };
        gd.on("plotly_afterplot", set);
        set();
    }

    new MutationObserver(function () {
        document.querySelectorAll(".js-plotly-plot").forEach(watch);
    }).observe(document.documentElement, {childList: true, subtree: true});
})();
