"""Helpers for tests that inspect Dash layouts and figures returned by callbacks."""
from __future__ import annotations

import json

import plotly


def text(component) -> str:
    """Everything a component tree or figure holds, as searchable JSON text."""
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


def find(component, component_id):
    """The component with that id anywhere in a layout tree (None when absent)."""
    if component is None or isinstance(component, (str, int, float)):
        return None
    if isinstance(component, (list, tuple)):
        for c in component:
            found = find(c, component_id)
            if found is not None:
                return found
        return None
    if getattr(component, "id", None) == component_id:
        return component
    return find(getattr(component, "children", None), component_id)
