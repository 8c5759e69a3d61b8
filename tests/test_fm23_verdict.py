"""A charge told as a verdict (facts/outcomes.py) when the original also speaks of a verdict that is not the
accused's: one still to come ("if convicted") or one given to other people. A verdict the original does give
him keeps the suspect's own restatement quiet, and so do faithful rewrites that keep the charge.

The texts are written for these tests."""

from __future__ import annotations

import pytest

from storytrace import compare

_LEAD = (
    "Former mayor Daniel Ferreira was charged on Wednesday with accepting bribes worth $210,000 in exchange "
    "for steering harbour contracts to a local firm, state prosecutors said."
)
_VERDICT_LEAD = (
    "Former mayor Daniel Ferreira has been found guilty of accepting bribes worth $210,000 in exchange "
    "for steering harbour contracts to a local firm, state prosecutors said."
)
_IF_CONVICTED = "Ferreira faces up to 20 years in prison on the most serious count if convicted."
_OTHERS = "Two former harbour department officials have pleaded guilty to related charges, court papers show."
_NAMED_OTHER = "The firm's owner, Victor Castell, was convicted of fraud in 2019."
_TAIL = "The council met on Friday to discuss the budget."


def _verdicts(source: str, derived: str) -> list[tuple[str | None, str]]:
    report = compare(source, derived)
    return [(f.subtype, f.severity) for f in report.findings if f.type == "hedge_changed"]


@pytest.mark.parametrize(
    "extra",
    [
        _IF_CONVICTED,
        _OTHERS,
        _NAMED_OTHER,
        "A jury convicted Victor Castell of fraud in a separate case last year.",
        "A jury found Victor Castell guilty of fraud in a separate case.",
    ],
)
def test_verdict_not_his_leaves_the_charge_told_as_verdict_high(extra: str) -> None:
    source = f"{_LEAD}\n\n{extra}\n\n{_TAIL}"
    derived = f"{_VERDICT_LEAD}\n\n{extra}\n\n{_TAIL}"
    assert ("allegation_as_fact", "high") in _verdicts(source, derived)


@pytest.mark.parametrize(
    "extra",
    [
        "He was convicted of the bribery charges last month and will be sentenced in May.",
        "Ferreira pleaded guilty at a hearing on Friday.",
        "Both men were convicted at a second trial in June.",
        "Judge Mary Okafor convicted him of two of the counts on Friday.",
        # rev23m: an active verdict with a common-noun object is his; the judge or court decides
        "Judge Mary Okafor convicted the former mayor of two of the counts on Friday.",
        "Jurors at Harbour County Court convicted the former mayor of two of the counts on Friday.",
        "A jury convicted the former mayor of two of the counts on Friday.",
        "Last month Judge Mary Okafor sentenced the 61-year-old to four years in prison.",
    ],
)
def test_a_verdict_the_original_gives_him_keeps_the_restatement_quiet(extra: str) -> None:
    source = f"{_LEAD}\n\n{extra}\n\n{_TAIL}"
    derived = f"{_VERDICT_LEAD}\n\n{extra}\n\n{_TAIL}"
    assert ("allegation_as_fact", "high") not in _verdicts(source, derived)


@pytest.mark.parametrize(
    "derived_lead",
    [
        "State prosecutors said on Wednesday that former mayor Daniel Ferreira had been charged with taking "
        "$210,000 in bribes for steering harbour contracts to a local firm.",
        "Daniel Ferreira, a former mayor, faces charges of accepting $210,000 in bribes in exchange for "
        "harbour contracts, state prosecutors said on Wednesday.",
    ],
)
@pytest.mark.parametrize("extra", [_IF_CONVICTED, _OTHERS])
def test_faithful_rewrites_keeping_the_charge_stay_quiet(derived_lead: str, extra: str) -> None:
    source = f"{_LEAD}\n\n{extra}\n\n{_TAIL}"
    derived = f"{derived_lead}\n\n{extra}\n\n{_TAIL}"
    assert not [f for f in compare(source, derived).findings if f.type == "hedge_changed" and f.severity == "high"]
