"""Distances, and what is sent for a location: coarse unless granted otherwise."""

from __future__ import annotations

import pytest

from ownlive.context.geo import haversine_m, outgoing
from tests.context.conftest import distance_m


def test_outgoing_text_and_description() -> None:
    assert outgoing(60.16995, 24.93842, precise=False).text == ("60.17", "24.94")
    assert outgoing(60.16995, 24.93842, precise=True).text == ("60.169950", "24.938420")
    assert "0.01 degree" in outgoing(1, 2, precise=False).description
    assert "location.precise" in outgoing(1, 2, precise=True).description


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((60.1699, 24.9384), (60.1723443, 24.9472155)),
        ((31.2304, 121.4737), (39.9042, 116.4074)),  # Shanghai - Beijing
        ((52.52, 13.405), (48.1351, 11.582)),  # Berlin - Munich
        ((0.0, 179.9), (0.0, -179.9)),  # across the date line
    ],
)
def test_haversine_agrees_with_the_law_of_cosines(
    a: tuple[float, float], b: tuple[float, float]
) -> None:
    assert haversine_m(*a, *b) == pytest.approx(distance_m(*a, *b), rel=1e-6)
