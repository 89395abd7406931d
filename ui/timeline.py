"""The timeline: events per day or week stacked by type, deaths on a second axis, and a strip.

Background events (recalled from the past) are never counted with current ones: the counts drop
them, and the strip draws them apart (open symbols, their own legend entry) or not at all.
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from ui.palette import colour_for, type_order

FONT = '"Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", sans-serif'
FREQ_LABEL = {"D": "day", "W": "week"}
STRIP_MAX = 20_000  # individual points past this are sampled away; the page says so


def _period_col(df: pd.DataFrame) -> str:
    for name in ("period", "date", "event_date", "week", "day"):
        if name in df.columns:
            return name
    raise ValueError("timeline counts need a 'period' (or 'date') column")


def _count_col(df: pd.DataFrame) -> str:
    for name in ("events", "count", "n", "n_events"):
        if name in df.columns:
            return name
    raise ValueError("timeline counts need an 'events' (or 'count') column")


def counts_from_events(df: pd.DataFrame, freq: str = "D") -> pd.DataFrame:
    """Events and deaths per period and type from event rows (background rows dropped)."""
    if "background" in df.columns:
        df = df[~df["background"].fillna(False).astype(bool)]
    if df.empty:
        return pd.DataFrame(columns=["period", "event_type", "events", "fatalities"])
    dates = pd.to_datetime(df["event_date"], format="ISO8601", errors="coerce")
    period = dates.dt.to_period("W-SUN").dt.start_time if freq == "W" else dates.dt.normalize()
    fat = pd.to_numeric(df.get("fatalities", 0), errors="coerce").fillna(0)
    grouped = pd.DataFrame({"period": period, "event_type": df["event_type"], "fatalities": fat}).dropna(
        subset=["period"]
    )
    out = grouped.groupby(["period", "event_type"], as_index=False).agg(
        events=("fatalities", "size"), fatalities=("fatalities", "sum")
    )
    return out


def build_timeline(counts_df: pd.DataFrame, freq: str = "D", height: int = 420) -> go.Figure:
    """Stacked bars of events per type and period, a deaths line on the right axis, a range slider."""
    fig = go.Figure()
    unit = FREQ_LABEL.get(freq, "period")
    if counts_df is not None and not counts_df.empty:
        df = counts_df.copy()
        if "background" in df.columns:
            df = df[~df["background"].fillna(False).astype(bool)]
        pcol, ccol = _period_col(df), _count_col(df)
        df[pcol] = pd.to_datetime(df[pcol], format="ISO8601", errors="coerce")
        for etype in type_order(df["event_type"].dropna().unique()):
            sub = df[df["event_type"] == etype].groupby(pcol, as_index=False)[ccol].sum()
            fig.add_bar(
                x=sub[pcol], y=sub[ccol], name=etype, marker_color=colour_for(etype),
                hovertemplate=f"%{{x|%Y-%m-%d}}<br>{html.escape(etype)}: %{{y}}<extra></extra>",
            )  # fmt: skip
        if "fatalities" in df.columns:
            deaths = df.groupby(pcol, as_index=False)["fatalities"].sum().sort_values(pcol)
            fig.add_scatter(
                x=deaths[pcol], y=deaths["fatalities"], name="Fatalities", yaxis="y2",
                mode="lines+markers", line={"color": "#222222", "width": 2}, marker={"size": 4},
                hovertemplate="%{x|%Y-%m-%d}<br>Fatalities: %{y}<extra></extra>",
            )  # fmt: skip
    fig.update_layout(
        barmode="stack",
        height=height,
        template="plotly_white",
        font={"family": FONT, "size": 13},
        margin={"l": 50, "r": 60, "t": 40, "b": 30},
        legend={"orientation": "h", "y": 1.12, "x": 0},
        yaxis={"title": f"Events per {unit}", "rangemode": "tozero"},
        yaxis2={"title": "Fatalities", "overlaying": "y", "side": "right", "rangemode": "tozero",
                "showgrid": False},
        xaxis={"type": "date", "rangeslider": {"visible": True, "thickness": 0.08},
               "rangeselector": {"buttons": [
                   {"count": 7, "label": "7d", "step": "day", "stepmode": "backward"},
                   {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                   {"count": 3, "label": "3m", "step": "month", "stepmode": "backward"},
                   {"step": "all", "label": "all"}]}},
        dragmode="select",
        selectdirection="h",
    )  # fmt: skip
    return fig


def build_strip(df: pd.DataFrame, show_background: bool = True, height: int = 360) -> go.Figure:
    """Each event as a point by date and governorate; hover shows type, place and notes.

    Background events get open symbols and their own legend entry, or are left out entirely.
    """
    fig = go.Figure()
    if df is not None and not df.empty:
        d = df.copy()
        if len(d) > STRIP_MAX:
            d = d.sample(STRIP_MAX, random_state=0)
        d["_date"] = pd.to_datetime(d["event_date"], format="ISO8601", errors="coerce")
        d["_gov"] = d.get("admin1", pd.Series(index=d.index, dtype=object)).fillna("(unknown)")
        bg = d.get("background", pd.Series(False, index=d.index)).fillna(False).astype(bool)
        notes = d.get("notes", pd.Series("", index=d.index)).fillna("").astype(str).str.slice(0, 200)
        place = d.get("location", pd.Series("", index=d.index)).fillna("").astype(str)
        # Plotly renders hover text as (limited) HTML: escape report text before it gets there.
        d["_hover"] = (
            d["event_type"].fillna("").astype(str).map(html.escape)
            + "<br>" + place.map(html.escape)
            + "<br>" + notes.map(html.escape)
        )  # fmt: skip
        for etype in type_order(d["event_type"].dropna().unique()):
            sub = d[(d["event_type"] == etype) & ~bg]
            if len(sub):
                fig.add_scatter(
                    x=sub["_date"], y=sub["_gov"], mode="markers", name=etype, legendgroup=etype,
                    marker={"color": colour_for(etype), "size": 9, "opacity": 0.75,
                            "line": {"width": 0.5, "color": "#333"}},
                    customdata=sub[["_hover"]].to_numpy(),
                    hovertemplate="%{x|%Y-%m-%d}<br>%{customdata[0]}<extra></extra>",
                )  # fmt: skip
        if show_background and bg.any():
            sub = d[bg]
            fig.add_scatter(
                x=sub["_date"], y=sub["_gov"], mode="markers", name="Background (past events)",
                marker={"color": "#777", "size": 9, "symbol": "circle-open"},
                customdata=sub[["_hover"]].to_numpy(),
                hovertemplate="%{x|%Y-%m-%d} (background)<br>%{customdata[0]}<extra></extra>",
            )  # fmt: skip
    fig.update_layout(
        height=height,
        template="plotly_white",
        font={"family": FONT, "size": 13},
        margin={"l": 120, "r": 20, "t": 30, "b": 30},
        legend={"orientation": "h", "y": 1.1, "x": 0},
        xaxis={"type": "date", "title": None},
        yaxis={"title": None, "categoryorder": "category ascending"},
    )
    return fig
