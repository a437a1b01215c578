// Functions that dash-ag-grid function strings may call: {"function": "csvSafeCell(params)"}.
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

// CSV injection guard (OWASP "CSV Injection"): text that a spreadsheet would take for a formula
// (= + - @, tab, carriage return first) gets a leading ' and is shown as text. Numbers pass as
// they are, raw (no thousands separators, "." for decimals). components/tables.py CSV_EXPORT.
dagfuncs.csvSafeCell = function (params) {
    var value = params.value;
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(value)) {
        return "'" + value;
    }
    return value;
};
