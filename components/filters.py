"""The filter bar (fiscal year, level of government, and any page-specific choice) and the one
callback that writes every filter into the URL.

Filters do not drive charts directly: a change becomes a new query string, the page is laid
out again from it, and the page's callbacks draw from that state. One path for every change
keeps permalinks, the back button and the language switch consistent.
"""
from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, dcc, no_update

from domain.codes import LEVEL_CHOICES
from domain.i18n import t
from domain.url_state import parse_search, search_for


def filter_id(page: str, field: str) -> dict:
    """Pattern-matching id: the page prefix keeps ids unique, `field` names the URL key."""
    return {"type": "filter", "page": page, "field": field}


def _labelled(label: str, control, width) -> dbc.Col:
    return dbc.Col([dbc.Label(label, className="small fw-semibold mb-1"), control], **width)


def filter_bar(page: str, state: dict, years: list[int], lang: str, extra: list | None = None,
               level: bool = True) -> dbc.Card:
    """Year and level of government, plus `extra` columns (built with `extra_dropdown`).

    level=False leaves the level out, for a page whose figures cover every level."""
    year = dcc.Dropdown(id=filter_id(page, "year"), options=[{"label": str(y), "value": y} for y in years],
                        value=state["year"], clearable=False, searchable=False)
    level_radio = dbc.RadioItems(id=filter_id(page, "level"), value=state["level"], inline=True,
                                 options=[{"label": t(f"level.{k}", lang), "value": k} for k in LEVEL_CHOICES],
                                 className="pt-1")
    cols = [_labelled(t("filter.year", lang), year, {"xs": 12, "md": 2})]
    if level:
        cols.append(_labelled(t("filter.level", lang), level_radio, {"xs": 12, "md": 10}))
    return dbc.Card(dbc.CardBody(dbc.Row(cols + list(extra or []), className="g-3 align-items-end")),
                    className="mb-3 filter-bar")


def extra_dropdown(page: str, field: str, label: str, options: list[dict], value, md: int = 4,
                   clearable: bool = False, placeholder: str | None = None) -> dbc.Col:
    control = dcc.Dropdown(id=filter_id(page, field), options=options, value=value, clearable=clearable,
                           placeholder=placeholder, optionHeight=44)
    return _labelled(label, control, {"xs": 12, "md": md})


def extra_radio(page: str, field: str, label: str, options: list[dict], value, md: int = 4) -> dbc.Col:
    control = dbc.RadioItems(id=filter_id(page, field), options=options, value=value, inline=True,
                             className="pt-1")
    return _labelled(label, control, {"xs": 12, "md": md})


@callback(Output("shell-url", "search", allow_duplicate=True),
          Input(filter_id(ALL, ALL), "value"), State(filter_id(ALL, ALL), "id"),
          State("shell-url", "search"), prevent_initial_call=True)
def filters_to_url(values: list, ids: list[dict], search: str | None):
    """Any filter changed: the new query string (or no_update when nothing differs)."""
    raw = parse_search(search)
    raw.update({i["field"]: ("" if v is None else v) for i, v in zip(ids, values)})
    new = search_for(raw)
    return no_update if new == (search or "") else new
