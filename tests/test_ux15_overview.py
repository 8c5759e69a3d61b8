"""ux15: the who-copied-whom graph of report.html: arrowheads that stay small, and two outlets that copy each other
drawn as two edges apart, not one line over the other."""

from __future__ import annotations

import re
from collections import Counter

from storytrace.scan.overview import graph_svg


def test_arrowheads_do_not_grow_with_the_edge() -> None:
    svg = graph_svg(Counter({("Wire", "Daily"): 40, ("Wire", "Herald"): 1}))
    marker = re.search(r"<marker [^>]*>", svg)
    assert marker and 'markerUnits="userSpaceOnUse"' in marker.group(0)


def test_two_outlets_that_copy_each_other_get_two_edges_apart() -> None:
    svg = graph_svg(Counter({("Wire", "Daily"): 5, ("Daily", "Wire"): 2, ("Wire", "Herald"): 3}))
    paths = {
        title: [float(x) for x in re.findall(r"-?\d+\.\d", d)]
        for d, title in re.findall(r'<path d="(M[^"]+)"[^>]*><title>([^<]+)</title>', svg)
    }
    there, back = paths["Wire \u2192 Daily: 5 derived"], paths["Daily \u2192 Wire: 2 derived"]
    # the control points (the bend of each edge) lie on either side of the straight line between the outlets
    assert there[2:4] != back[2:4]
    (x1, y1), (x2, y2) = there[0:2], back[0:2]

    def side(point: list[float]) -> float:
        return (x2 - x1) * (point[1] - y1) - (y2 - y1) * (point[0] - x1)

    assert side(there[2:4]) * side(back[2:4]) < 0
    # an edge with no way back stays straight: its bend is on the line
    alone = paths["Wire \u2192 Herald: 3 derived"]
    sx, sy = alone[0:2]
    ex, ey = alone[4:6]
    assert abs((ex - sx) * (alone[3] - sy) - (ey - sy) * (alone[2] - sx)) < 1.0 * max(abs(ex - sx), abs(ey - sy))


def test_the_tables_scroll_in_their_box_on_a_narrow_screen() -> None:
    from storytrace.scan.overview import overview_html

    outlet = {
        "outlet": "An Outlet With A Rather Long Name",
        "articles": 50,
        "derived": 49,
        "share_derived": 0.98,
        "from_outlets": "Capitol Desk:17; Wire A:12; Le Monde Diplomatique:11; Objective Post:6; Neutral:2",
        "median_lag_hours": 52.0,
        "findings_per_derived": 18.265,
        "share_quotes_altered": 0.1633,
    }
    page = overview_html(
        summary={"articles": 100}, pairs=[], clusters=[], outlets=[outlet], edges=Counter({("Wire A", "Daily"): 3})
    )
    assert page.count("<table>") == 4  # outlets, families, pairs (fixqa25s), findings
    assert page.count('<div class="scroll">\n<table>') == 4 and ".scroll{overflow-x:auto}" in page
