"""One GET with the error handling every online provider shares.

A timeout, a transport error, an error status or a body that is not JSON
gives None and one warning saying what failed (never what was asked for,
which would name where the user is). httpx is imported only when a request
is made: loading it costs about 160 ms, which every `ownlive` command would
otherwise pay at start-up (measured with `python -X importtime`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from ownlive import __version__

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

USER_AGENT = f"ownlive/{__version__}"


def new_client() -> httpx.Client:
    import httpx  # noqa: PLC0415 - see the module docstring

    return httpx.Client(headers={"User-Agent": USER_AGENT})


def get_json(
    client: httpx.Client, url: str, params: dict[str, str], *, timeout: float, service: str
) -> Any | None:
    import httpx  # noqa: PLC0415 - see the module docstring

    try:
        response = client.get(url, params=params, timeout=timeout)
    except httpx.TimeoutException:
        log.warning("%s did not answer within %.0f s", service, timeout)
        return None
    except httpx.HTTPError as error:
        log.warning("%s request failed (%s)", service, type(error).__name__)
        return None
    if response.status_code != httpx.codes.OK:
        log.warning("%s answered HTTP %d", service, response.status_code)
        return None
    try:
        return response.json()
    except ValueError:
        log.warning("%s sent a body that is not JSON", service)
        return None
