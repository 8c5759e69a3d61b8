"""A suspect's headline that gives a cause the original never gives (audit.headline_added_cause): "... after
inspectors declare it unsafe". A headline whose cause clause restates the original ("after rust damage to
beams", "following inspection") stays quiet.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import Article, compare

_TITLE = "Kessler Bridge to close for 11 weeks as rail operator begins $48 million repair"
_BODY = (
    "The Kessler Bridge, which carries the main rail line between Halden and Norcross, will close to trains for 11 "
    "weeks from May 5 while engineers replace corroded steel beams, the operator Northline Rail said on Tuesday.\n\n"
    "The $48 million repair is the largest on the bridge since it was rebuilt after a flood in 1957.\n\n"
    "Inspectors found last autumn that 14 of the bridge's 62 main beams had lost more than a fifth of their "
    "thickness to rust.\n\n"
    "Freight trains will be diverted through Ashby Junction, a detour of about 40 miles."
)
_DERIVED = (
    "Trains will stop running over the Kessler Bridge for 11 weeks starting May 5, Northline Rail said on Tuesday, "
    "as crews replace rusting steel beams on the line linking Halden and Norcross.\n\n"
    "The work will cost $48 million, the biggest repair on the bridge since its reconstruction after a 1957 flood.\n\n"
    "Last autumn's inspection showed that 14 of the 62 main beams had lost more than a fifth of their thickness "
    "to rust.\n\n"
    "Freight services will be rerouted via Ashby Junction, roughly a 40-mile detour."
)


def _headline(title: str) -> list[tuple[str | None, str]]:
    report = compare(Article(_BODY, title=_TITLE), Article(_DERIVED, title=title))
    return [(f.subtype, f.severity) for f in report.findings if (f.subtype or "").startswith("headline")]


@pytest.mark.parametrize(
    "title",
    [
        "Kessler Bridge shutting for 11 weeks after inspectors declare it unsafe",
        "Kessler Bridge to close for 11 weeks after budget cuts",
    ],
)
def test_headline_cause_the_original_lacks_is_low(title: str) -> None:
    # low since rev23m: a headline's own words for the body's cause are common, so it is only pointed at
    assert ("headline:cause", "low") in _headline(title)


@pytest.mark.parametrize(
    "title",
    [
        "Kessler Bridge to close for 11 weeks after rust damage to beams",
        "Kessler Bridge closes for 11 weeks following inspection",
        "Kessler Bridge to close for 11 weeks after flood of 1957",
    ],
)
def test_headline_cause_from_the_original_stays_quiet(title: str) -> None:
    assert [f for f in _headline(title) if f[1] in ("high", "medium")] == []


@pytest.mark.parametrize(
    "title",
    [
        "Kessler Bridge to close for 11 weeks after rust found - Chronicle Live",
        "Kessler Bridge to close for 11 weeks after rust found | Yahoo News",
        "Kessler Bridge to close for 11 weeks after rust found \u2014 Daily Courier",
    ],
)
def test_a_site_name_after_the_cause_is_not_part_of_it(title: str) -> None:
    # rust is the body's cause; the site name ("Yahoo News") is no word of the clause
    assert [f for f in _headline(title) if f[0] == "headline:cause"] == []
