"""Places providers over the offline index, and the chain that puts offline before online.

`OfflinePlaces` answers from the public OpenStreetMap places that `ownlive
places import` put into the vault (see `vault/poi.py`): no network, no grant
(the rows are not personal data), nothing logged. `PlacesChain` asks each
provider in turn and keeps the first non-empty answer, so with `--online`
the index still goes first and Overpass is asked only where it knows nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ownlive.context.places import Place, PlacesProvider
from ownlive.vault import Vault, poi


class OfflinePlaces:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        poi.ensure_index(vault)  # after a restore the R*Tree starts empty

    def nearby(
        self, lat: float, lon: float, *, cuisine: str | None, radius_m: float, limit: int
    ) -> list[Place]:
        return poi.nearby(self._vault, lat, lon, cuisine=cuisine, radius_m=radius_m, limit=limit)


def offline_places(vault: Vault | None) -> OfflinePlaces | None:
    """The index of this vault, or None when there is no vault or nothing imported."""
    if vault is None or poi.count(vault) == 0:
        return None
    return OfflinePlaces(vault)


@dataclass
class PlacesChain:
    providers: Sequence[PlacesProvider]

    def nearby(
        self, lat: float, lon: float, *, cuisine: str | None, radius_m: float, limit: int
    ) -> list[Place]:
        for provider in self.providers:
            found = provider.nearby(lat, lon, cuisine=cuisine, radius_m=radius_m, limit=limit)
            if found:
                return found
        return []
