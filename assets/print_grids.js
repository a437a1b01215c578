// Printing any page prints every row of every table (issue 14). Just before the browser prints,
// each AG Grid gets a plain <table> twin with all its rows, as filtered and sorted, formatted as
// on screen, its total line last; print.css shows the twins and hides the grids (whose scroll box
// holds only the rows in view). AG Grid's own print layout redraws too late: the page is laid out
// for paper before it has rendered. After printing the twins are removed.
(function () {
    function api(id) {
        try { return window.dash_ag_grid && window.dash_ag_grid.getApi(id); } catch (e) { return null; }
    }

    function hosts() {
        var out = [];
        document.querySelectorAll(".ag-root-wrapper").forEach(function (root) {
            var el = root.parentElement;
            while (el && !(el.id && api(el.id))) { el = el.parentElement; }
            if (el && out.indexOf(el) < 0) { out.push(el); }
        });
        return out;
    }

    function cellText(grid, node, col) {
        var value = grid.getCellValue({rowNode: node, colKey: col, useFormatter: true});
        return value === null || value === undefined ? "" : String(value);
    }

    function row(cells, tag, grid, node, cols) {
        var tr = document.createElement("tr");
        cols.forEach(function (col) {
            var td = document.createElement(tag);
            td.textContent = cells ? cells(col) : cellText(grid, node, col);
            var def = col.getColDef();
            if (def.type === "rightAligned") { td.className = "text-end"; }
            tr.appendChild(td);
        });
        return tr;
    }

    function twin(el) {
        var grid = api(el.id);
        var cols = grid.getAllDisplayedColumns();
        var table = document.createElement("table");
        table.className = "table table-sm grid-print-twin";
        var thead = table.createTHead();
        thead.appendChild(row(function (c) { return c.getColDef().headerName || c.getColId(); }, "th", grid, null, cols));
        var body = table.createTBody();
        grid.forEachNodeAfterFilterAndSort(function (node) { body.appendChild(row(null, "td", grid, node, cols)); });
        var foot = table.createTFoot();
        for (var i = 0; i < grid.getPinnedBottomRowCount(); i++) {
            foot.appendChild(row(null, "th", grid, grid.getPinnedBottomRow(i), cols));
        }
        el.classList.add("grid-has-print-twin");
        el.insertAdjacentElement("afterend", table);
    }

    function toPrint() {
        back();
        hosts().forEach(function (el) {
            try { twin(el); } catch (e) { el.classList.remove("grid-has-print-twin"); }   // the grid prints as it is
        });
    }

    function back() {
        document.querySelectorAll(".grid-print-twin").forEach(function (t) { t.remove(); });
        document.querySelectorAll(".grid-has-print-twin").forEach(function (el) { el.classList.remove("grid-has-print-twin"); });
    }

    window.addEventListener("beforeprint", toPrint);
    window.addEventListener("afterprint", back);
    var media = window.matchMedia && window.matchMedia("print");
    if (media && media.addEventListener) {
        media.addEventListener("change", function (e) { if (e.matches) { toPrint(); } else { back(); } });
    }
})();
