"""ux14 review: the scan overview's histograms label hours as numbers, not in e-notation."""

from __future__ import annotations

from storytrace.scan.overview import histogram_svg


def test_lag_histogram_labels_thousands_of_hours_plainly() -> None:
    svg = histogram_svg([10.0, 1500.0, 13200.0], bins=20, lo=0.0, hi=13200.0, label="hours after the original")
    assert "e+" not in svg
    assert ">13,200</text>" in svg and "660\u20131,320: 0" in svg


def test_reuse_histogram_keeps_its_fractions() -> None:
    svg = histogram_svg([0.12, 0.5], bins=20, lo=0.0, hi=1.0, label="reuse")
    assert "0.1\u20130.15: 1" in svg and ">1</text>" in svg
