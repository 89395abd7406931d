"""The briefing: key figures against the previous period, top events, and PNG/HTML exports.

Exports must work with no internet: charts become PNGs through kaleido driving Debian's Chromium
(one server per process, started on first use), the map through a Playwright screenshot of the
folium page with its vendored assets inlined, and the HTML briefing inlines plotly.js and images.
Every report-derived string is escaped before it enters the HTML.
"""

from __future__ import annotations

import atexit
import base64
import concurrent.futures
import dataclasses
import html
import os
import threading
from datetime import date, timedelta

import folium
import pandas as pd
import plotly.graph_objects as go

from store.filters import EventFilter
from ui.assets import inline_assets
from ui.sources import single_source_count
from ui.timeline import FONT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
TOP_COLUMNS = [
    "event_date",
    "event_type",
    "sub_event_type",
    "location",
    "admin1",
    "actors",
    "fatalities",
    "source",
]
TOP_LABELS = ["Date", "Type", "Sub-type", "Place", "Governorate", "Actors", "Fatalities", "Outlets"]

_kaleido_lock = threading.Lock()
_kaleido_started = False


# -- figures -----------------------------------------------------------------------------------------
def previous_filter(flt: EventFilter) -> EventFilter | None:
    """The same filter shifted to the period of the same length just before (None without both dates)."""
    if not (flt.date_from and flt.date_to):
        return None
    days = (flt.date_to - flt.date_from).days + 1
    return dataclasses.replace(
        flt, date_from=flt.date_from - timedelta(days=days), date_to=flt.date_from - timedelta(days=1)
    )


def period_of(df: pd.DataFrame, flt: EventFilter) -> tuple[date | None, date | None]:
    """The filter's dates, or the span of the events when the filter leaves them open."""
    d = pd.to_datetime(df["event_date"], format="ISO8601", errors="coerce") if len(df) else pd.Series()
    lo = flt.date_from or (d.min().date() if len(d.dropna()) else None)
    hi = flt.date_to or (d.max().date() if len(d.dropna()) else None)
    return lo, hi


def change_text(now: float, before: float | None) -> str:
    """'+3 (+25%)', '−2 (−50%)', 'new' or '—' when there is no previous period."""
    if before is None:
        return "—"
    diff = now - before
    if before == 0:
        return "new" if now else "±0"
    sign = "+" if diff > 0 else ("−" if diff < 0 else "±")
    return f"{sign}{abs(diff):,.0f} ({sign}{abs(diff) / before:.0%})"


def _fatal(df: pd.DataFrame) -> pd.Series:
    return pd.to_numeric(df.get("fatalities", pd.Series(dtype=float)), errors="coerce").fillna(0)


def breakdown(cur: pd.DataFrame, prev: pd.DataFrame | None, by: str) -> pd.DataFrame:
    """Events and deaths per ``by`` value now, before, and the change, largest first."""

    def agg(df: pd.DataFrame) -> pd.DataFrame:
        if df is None or df.empty or by not in df.columns:
            return pd.DataFrame(columns=["events", "fatalities"], dtype=float)
        g = pd.DataFrame({by: df[by].fillna("(unknown)"), "f": _fatal(df)}).groupby(by)
        return pd.DataFrame({"events": g.size(), "fatalities": g["f"].sum()})

    now, before = agg(cur), agg(prev) if prev is not None else None
    keys = now.index.union(before.index) if before is not None else now.index
    out = pd.DataFrame(index=keys)
    out["events"] = now["events"].reindex(keys).fillna(0).astype(int)
    out["fatalities"] = now["fatalities"].reindex(keys).fillna(0).astype(int)
    if before is not None:
        out["previous events"] = before["events"].reindex(keys).fillna(0).astype(int)
        out["change"] = [
            change_text(a, b) for a, b in zip(out["events"], out["previous events"], strict=True)
        ]
    out.index.name = by
    return out.sort_values(["events", "fatalities"], ascending=False).reset_index()


def key_figures(cur: pd.DataFrame, prev: pd.DataFrame | None) -> dict:
    """Totals now and before, with the change, plus breakdowns by governorate and by type."""
    events, deaths = len(cur), int(_fatal(cur).sum())
    p_events = len(prev) if prev is not None else None
    p_deaths = int(_fatal(prev).sum()) if prev is not None else None
    return {
        "events": events,
        "fatalities": deaths,
        "previous_events": p_events,
        "previous_fatalities": p_deaths,
        "events_change": change_text(events, p_events),
        "fatalities_change": change_text(deaths, p_deaths),
        "by_governorate": breakdown(cur, prev, "admin1"),
        "by_type": breakdown(cur, prev, "event_type"),
        # Events only one outlet reports (ACLED's reliability cue); each event is counted once, however
        # many outlets tell of it.
        "single_source": single_source_count(cur),
    }


def top_events(df: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The deadliest (then latest) events with their sources, in display columns."""
    if df.empty:
        return pd.DataFrame(columns=TOP_LABELS)
    d = df.copy()
    d["fatalities"] = _fatal(d).astype(int)
    a1 = d.get("actor1", pd.Series("", index=d.index)).fillna("").astype(str)
    a2 = d.get("actor2", pd.Series("", index=d.index)).fillna("").astype(str)
    d["actors"] = (a1 + " vs " + a2).where(a2 != "", a1)
    for col in TOP_COLUMNS:
        if col not in d.columns:
            d[col] = ""
    d["event_date"] = d["event_date"].astype(str).str.slice(0, 10)
    d = d.sort_values(["fatalities", "event_date"], ascending=[False, False]).head(n)
    out = d[TOP_COLUMNS].fillna("")
    out.columns = TOP_LABELS
    return out.reset_index(drop=True)


# -- images --------------------------------------------------------------------------------------------
def _ensure_kaleido() -> None:
    """Start kaleido's one Chromium for this process (about 0.15 s per image after that)."""
    global _kaleido_started
    with _kaleido_lock:
        if _kaleido_started:
            return
        os.environ.setdefault("BROWSER_PATH", CHROMIUM)
        import kaleido

        kaleido.start_sync_server(silence_warnings=True)
        atexit.register(kaleido.stop_sync_server, silence_warnings=True)
        _kaleido_started = True


def figure_png(fig: go.Figure, width: int = 1600, height: int = 500, scale: float = 1.0) -> bytes:
    """A plotly figure as PNG bytes, drawn by kaleido with the local Chromium."""
    _ensure_kaleido()
    import kaleido

    opts = {"format": "png", "width": width, "height": height, "scale": scale}
    return kaleido.calc_fig_sync(fig, opts=opts)


def standalone_map_html(m: folium.Map) -> str:
    """The folium page with Leaflet and plugins inlined, so it opens from a file with no server."""
    return inline_assets(m.get_root().render())


def _screenshot(page_html: str, width: int, height: int, scale: float) -> bytes:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            ctx = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
            page = ctx.new_page()
            page.set_content(page_html, wait_until="load")
            page.wait_for_selector(".leaflet-container", timeout=15_000)
            page.wait_for_timeout(400)  # clusters are added in chunks; let the last one land
            return page.locator(".leaflet-container").first.screenshot(type="png")
        finally:
            browser.close()


def map_png(m: folium.Map, width: int = 1600, height: int = 1000, scale: float = 2.0) -> bytes:
    """The map as PNG: a headless-Chromium screenshot (device scale 2 for print).

    Playwright's sync API refuses to run inside an asyncio loop, so it runs in its own thread.
    """
    page_html = standalone_map_html(m)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(_screenshot, page_html, width, height, scale).result(timeout=90)


# -- the HTML briefing -------------------------------------------------------------------------------
_CSS = """
body{font-family:%(font)s;color:#1d1d1d;background:#fff;margin:0 auto;max-width:1800px;padding:24px 36px}
h1{font-size:30px;margin:0 0 4px} h2{font-size:21px;margin:26px 0 8px;border-bottom:2px solid #b5452b}
.period{color:#555;font-size:17px;margin-bottom:18px}
.figs{display:flex;gap:18px;flex-wrap:wrap}
.fig{border:1px solid #ddd;border-radius:6px;padding:10px 16px;min-width:190px}
.fig b{display:block;font-size:32px} .fig span{color:#555}
.cols{display:flex;gap:30px;flex-wrap:wrap} .cols>div{flex:1;min-width:420px}
table{border-collapse:collapse;width:100%%;font-size:14px} th,td{border-bottom:1px solid #e3e3e3;
padding:5px 8px;text-align:left;vertical-align:top} th{background:#f4f2ec}
td.num{text-align:right} [dir=rtl]{text-align:right;font-family:"Noto Naskh Arabic","Noto Sans Arabic",
"DejaVu Sans",serif} img{max-width:100%%;border:1px solid #ccc}
.note{color:#666;font-size:12px;margin-top:24px}
@media print{body{padding:0} h2{break-after:avoid} .map,table{break-inside:avoid}}
"""


def _has_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def table_html(df: pd.DataFrame) -> str:
    """An escaped HTML table; Arabic cells get ``dir="rtl"``, numbers align right."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    rows = []
    for rec in df.itertuples(index=False):
        cells = []
        for v in rec:
            s = "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)
            attrs = ' class="num"' if isinstance(v, int | float) and not isinstance(v, bool) else ""
            attrs += ' dir="rtl"' if _has_arabic(s) else ""
            cells.append(f"<td{attrs}>{html.escape(s)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def briefing_html(
    title: str,
    period: str,
    figures: dict,
    top: pd.DataFrame,
    timeline: go.Figure | None = None,
    map_png_bytes: bytes | None = None,
    map_page: str | None = None,
    filters_text: str = "",
) -> str:
    """One self-contained HTML file: no external script, stylesheet or image (plotly.js inlined)."""
    esc = html.escape
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{esc(title)}</title><style>{_CSS % {'font': FONT}}</style></head><body>",
        f"<h1>{esc(title)}</h1><div class='period'>{esc(period)}</div>",
        "<div class='figs'>",
        f"<div class='fig'><b>{figures['events']:,}</b><span>events · {esc(figures['events_change'])}"
        " vs previous period</span></div>",
        f"<div class='fig'><b>{figures['fatalities']:,}</b><span>fatalities · "
        f"{esc(figures['fatalities_change'])} vs previous period</span></div>",
        f"<div class='fig'><b>{figures.get('single_source', 0):,}</b><span>events from a single outlet"
        "</span></div>",
        "</div>",
        "<div class='cols'><div><h2>By governorate</h2>",
        table_html(figures["by_governorate"]),
        "</div><div><h2>By event type</h2>",
        table_html(figures["by_type"]),
        "</div></div>",
    ]
    if map_png_bytes:
        b64 = base64.b64encode(map_png_bytes).decode("ascii")
        parts.append(
            f"<h2>Map</h2><div class='map'><img alt='map of events' src='data:image/png;base64,{b64}'></div>"
        )
    elif map_page:
        parts.append(
            "<h2>Map</h2><div class='map'><iframe title='map' style='width:100%;height:760px;border:1px solid #ccc'"
            f' srcdoc="{esc(map_page, quote=True)}"></iframe></div>'
        )
    if timeline is not None:
        parts.append("<h2>Timeline</h2>")
        parts.append(timeline.to_html(full_html=False, include_plotlyjs=True, config={"displaylogo": False}))
    parts.append("<h2>Top events</h2>")
    parts.append(table_html(top))
    note = "Generated by Rasd. Basemap: Natural Earth (public domain)."
    if filters_text:
        note += " Filters: " + filters_text
    parts.append(f"<p class='note'>{esc(note)}</p></body></html>")
    return "".join(parts)
