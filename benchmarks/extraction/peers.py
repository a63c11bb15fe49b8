"""ownlive and one adapter per peer, each mapping its output to ownlive's types and values.

Every system answers `supports(type, lang)` and `extract(case, types)`; a peer runs only
the models for the scored types it supports in that language (ownlive always runs all
its extractors, so the timing comparison leans toward the peers). Peers import lazily:
one that is not installed, or fails to start, reports why and is left out.
Values: datetime `start` as ISO 8601 (the peer's first reading of a range, its future
reading where it offers several), phone `e164` (the peer's own where it gives one,
else `cases.e164` applied to the span it found).
"""

# Peers import inside their adapters on purpose: a missing one must not stop the run.
# ruff: noqa: PLC0415

from __future__ import annotations

import importlib
import importlib.metadata
import logging
import os
from collections.abc import Callable
from datetime import datetime
from typing import Any

from benchmarks.extraction.cases import Case, Pred, e164, locate
from ownlive.understand import extract as ownlive_extract
from ownlive.understand.pipeline import pipeline

LANGS = ("zh", "en", "de")
WARM_UP = {
    "zh": "明天下午三点见，电话010-62345678，邮箱a@b.com，299元",
    "en": "See you tomorrow at 7pm, call 650-555-1234 or mail a@b.com, $12.50",
    "de": "Treffen morgen um 8 Uhr, Tel 030 1234567, 12,50 €",
}


def _version(*dists: str) -> str:
    for dist in dists:
        try:
            return f"{dist} {importlib.metadata.version(dist)}"
        except importlib.metadata.PackageNotFoundError:
            continue
    return "?"


class System:
    name = "?"
    status = "not installed"
    available = False

    def supports(self, kind: str, lang: str) -> bool:
        raise NotImplementedError

    def extract(self, case: Case, kinds: frozenset[str]) -> list[Pred]:
        raise NotImplementedError

    def warm(self) -> None:
        """Load models and caches before anything is timed."""
        for lang, text in WARM_UP.items():
            kinds = frozenset(
                k for k in ("datetime", "phone", "email", "url", "money") if self.supports(k, lang)
            )
            if kinds:
                self.extract(
                    Case("warm", lang, text, datetime.now().astimezone(), (), kinds), kinds
                )


class Ours(System):
    name = "ownlive"

    def __init__(self, modules: tuple[str, ...] = ()) -> None:
        # Extractor modules not yet listed in BUILTIN_EXTRACTOR_MODULES register on import
        # (OWNLIVE_BENCH_EXTRACTORS), before the pipeline is first assembled.
        for module in modules:
            importlib.import_module(module)
        self._extract = ownlive_extract
        self.types = sorted({e.type for e in pipeline()})
        self.available = True
        self.status = f"{_version('ownlive')}; extractors: {', '.join(self.types) or 'none'}"

    def supports(self, kind: str, lang: str) -> bool:
        return True

    def extract(self, case: Case, kinds: frozenset[str]) -> list[Pred]:
        result = self._extract(case.text, sent_at=case.reference_time, lang=case.lang)
        return [Pred(e.type, e.start, e.end, e.value) for e in result.entities]


def _iso(moment: datetime) -> str:
    return moment.replace(tzinfo=None).isoformat(timespec="minutes")


class Dateparser(System):
    name = "dateparser"

    def __init__(self) -> None:
        from dateparser.search import search_dates

        self._search = search_dates
        self.available, self.status = True, _version("dateparser")

    def supports(self, kind: str, lang: str) -> bool:
        return kind == "datetime" and lang in LANGS

    def extract(self, case: Case, kinds: frozenset[str]) -> list[Pred]:
        settings = {
            "RELATIVE_BASE": case.reference_time.replace(tzinfo=None),
            "PREFER_DATES_FROM": "future",  # ownlive's convention (DESIGN.md 4.1)
        }
        found = self._search(case.text, languages=[case.lang], settings=settings) or []
        preds, cursor = [], 0
        for text, moment in found:
            span = locate(case.text, text, cursor)
            if span:
                cursor = span[1]
                preds.append(Pred("datetime", *span, {"start": _iso(moment)}))
        return preds


DUCKLING_DIMS = {
    "datetime": "time",
    "phone": "phone-number",
    "email": "email",
    "url": "url",
    "money": "amount-of-money",
}


class Duckling(System):
    name = "duckling"

    def __init__(self) -> None:
        import duckling
        import tzdata

        self._d = duckling
        zones = "/usr/share/zoneinfo"
        if not os.path.isdir(zones):
            zones = os.path.join(os.path.dirname(tzdata.__file__), "zoneinfo")
        self._zones = duckling.load_time_zones(zones)
        self._locales = {
            lang: duckling.default_locale_lang(duckling.parse_lang(lang.upper())) for lang in LANGS
        }
        self._dims: dict[frozenset[str], Any] = {}
        self.available, self.status = True, _version("pyduckling-native-phihos")

    def supports(self, kind: str, lang: str) -> bool:
        return kind in DUCKLING_DIMS and lang in LANGS

    def extract(self, case: Case, kinds: frozenset[str]) -> list[Pred]:
        d = self._d
        dims = self._dims.get(kinds)
        if dims is None:
            dims = self._dims[kinds] = d.parse_dimensions([DUCKLING_DIMS[k] for k in kinds])
        stamp = int(case.reference_time.timestamp())
        context = d.Context(d.parse_ref_time(self._zones, "UTC", stamp), self._locales[case.lang])
        preds = []
        for item in d.parse(case.text, context, dims, False):
            kind = next(k for k, v in DUCKLING_DIMS.items() if v == item["dim"])
            start, end, value = item["start"], item["end"], item["value"]
            mapped = self._value(kind, value, case.text[start:end], case.lang)
            if mapped is not None:
                preds.append(Pred(kind, start, end, mapped))
        return preds

    @staticmethod
    def _value(kind: str, value: dict[str, Any], text: str, lang: str) -> dict[str, Any] | None:
        if kind == "datetime":
            bound = value if value.get("type") == "value" else value.get("from") or value.get("to")
            raw = (bound or {}).get("value")
            return {"start": raw[:16]} if isinstance(raw, str) else {}
        if kind == "phone":
            return {"e164": e164(text, lang)}
        if kind == "money":
            unit = value.get("unit") or (value.get("from") or value.get("to") or {}).get("unit")
            return None if unit in (None, "unknown") else {"currency": unit}
        return {}


RT_CULTURES = {"zh": "zh-cn", "en": "en-us", "de": "de-de"}
RT_KINDS = {"datetimeV2.": "datetime", "phonenumber": "phone", "email": "email", "url": "url"}
RT_DATETIME = {"date", "daterange", "datetime", "datetimerange", "time", "timerange"}


class Recognizers(System):
    name = "recognizers"

    def __init__(self) -> None:
        from recognizers_date_time import DateTimeRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_sequence import SequenceRecognizer

        self._models: dict[tuple[str, str], Any] = {}
        for lang, culture in RT_CULTURES.items():
            makers: dict[str, Callable[[str], Any]] = {
                "datetime": lambda c: DateTimeRecognizer(c).get_datetime_model(c, False),
                "phone": lambda c: SequenceRecognizer(c).get_phone_number_model(c, False),
                "email": lambda c: SequenceRecognizer(c).get_email_model(c, False),
                "url": lambda c: SequenceRecognizer(c).get_url_model(c, False),
                "money": lambda c: NumberWithUnitRecognizer(c).get_currency_model(c, False),
            }
            for kind, make in makers.items():
                try:
                    self._models[kind, lang] = make(culture)
                except (ValueError, KeyError):
                    continue  # no such model for this culture in the Python port
        langs = sorted({lang for _, lang in self._models})
        self.available = True
        self.status = f"{_version('recognizers-text-suite')}; languages: {', '.join(langs)}"

    def supports(self, kind: str, lang: str) -> bool:
        return (kind, lang) in self._models

    def extract(self, case: Case, kinds: frozenset[str]) -> list[Pred]:
        reference = case.reference_time.replace(tzinfo=None)
        preds: list[Pred] = []
        for kind in kinds:
            model = self._models.get((kind, case.lang))
            if model is None:
                continue
            results = (
                model.parse(case.text, reference) if kind == "datetime" else model.parse(case.text)
            )
            for result in results:
                name = result.type_name
                if kind == "datetime" and name.removeprefix("datetimeV2.") not in RT_DATETIME:
                    continue  # durations, sets, time zones
                span = _rt_span(case.text, result.start, result.end, result.text)
                if span is not None:
                    value = _rt_value(kind, result.resolution or {}, case, span)
                    preds.append(Pred(kind, *span, value))
        return preds


def _rt_span(text: str, start: int, end: int, found: str) -> tuple[int, int] | None:
    # The Python port's `end` is inclusive, like the specs'.
    if text[start : end + 1].lower() == found.lower():
        return start, end + 1
    return locate(text, found, max(0, start - 2))


def _rt_value(kind: str, resolution: dict[str, Any], case: Case, span: tuple[int, int]) -> Any:
    if kind == "phone":
        return {"e164": e164(case.text[span[0] : span[1]], case.lang)}
    if kind != "datetime":
        return {}
    values = resolution.get("values") or [{}]
    raw = values[-1].get("value") or values[-1].get("start")  # the future reading is last
    if not isinstance(raw, str) or not raw[:1].isdigit():
        return {}
    if len(raw) >= 10 and raw[4] == "-":
        return {"start": raw[:16].replace(" ", "T")}
    return {"start": f"{case.reference_time.date().isoformat()}T{raw[:5]}"}


class Ctparse(System):
    name = "ctparse"

    def __init__(self) -> None:
        from ctparse.ctparse import _repl1, _repl2, ctparse
        from ctparse.types import Interval, Time

        logging.getLogger("ctparse").setLevel(logging.ERROR)
        self._parse, self._time, self._interval = ctparse, Time, Interval
        # ctparse reports offsets into its preprocessed text (separator runs collapsed to
        # one space, dashes unified, stripped): its own patterns map them back.
        self._steps = ((_repl1, " "), (_repl2, "-"))
        self.available, self.status = True, f"{_version('ctparse')} (default 1 s timeout)"

    def supports(self, kind: str, lang: str) -> bool:
        return kind == "datetime" and lang in ("en", "de")

    def extract(self, case: Case, kinds: frozenset[str]) -> list[Pred]:
        reference = case.reference_time.replace(tzinfo=None)
        parsed = self._parse(case.text, ts=reference)
        if parsed is None:
            return []
        found = parsed.resolution
        moment = found.t_from or found.t_to if isinstance(found, self._interval) else found
        if not isinstance(moment, self._time):
            return []  # durations are not datetimes
        date = reference.date().isoformat()
        if moment.year and moment.month and moment.day:
            date = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
        clock = f"{moment.hour or 0:02d}:{moment.minute or 0:02d}"
        value = {"start": f"{date}T{clock}"}
        origin = self._origins(case.text)
        if found.mend <= found.mstart or found.mend > len(origin):
            # Some productions (a latent "4" read as 04:00) carry no span: a datetime
            # claimed nowhere, so a false positive.
            return [Pred("datetime", 0, 0, value)]
        return [Pred("datetime", origin[found.mstart], origin[found.mend - 1] + 1, value)]

    def _origins(self, text: str) -> list[int]:
        """For each character of ctparse's preprocessed text, its index in `text`."""
        origin = list(range(len(text)))
        for pattern, replacement in self._steps:
            out, mapped, last = [], [], 0
            for match in pattern.finditer(text):
                out.append(text[last : match.start()])
                mapped += origin[last : match.start()]
                out.append(replacement)
                mapped.append(origin[match.start()])
                last = match.end()
            out.append(text[last:])
            mapped += origin[last:]
            text, origin = "".join(out), mapped
            lead = len(text) - len(text.lstrip())
            text, origin = text.strip(), origin[lead : lead + len(text.strip())]
        return origin


PHONE_REGIONS = {"zh": "CN", "de": "DE", "en": "US"}


class PhoneNumbers(System):
    """The phonenumbers matcher (libphonenumber's Python port).

    Measured through the `phonenumbers` module of phonenumberslite, ownlive's runtime
    dependency: the same version's matcher, parser and metadata byte for byte (lite drops
    only the geocoder, carrier and time-zone data). Installing the full distribution into
    the same environment would overwrite those very files.
    """

    name = "phonenumbers"

    def __init__(self) -> None:
        import phonenumbers

        self._pn = phonenumbers
        self.available = True
        self.status = f"{_version('phonenumbers', 'phonenumberslite')} (matcher, leniency VALID)"

    def supports(self, kind: str, lang: str) -> bool:
        return kind == "phone" and lang in PHONE_REGIONS

    def extract(self, case: Case, kinds: frozenset[str]) -> list[Pred]:
        pn = self._pn
        return [
            Pred(
                "phone",
                m.start,
                m.end,
                {"e164": pn.format_number(m.number, pn.PhoneNumberFormat.E164)},
            )
            for m in pn.PhoneNumberMatcher(case.text, PHONE_REGIONS[case.lang])
        ]


PEERS = (Dateparser, Duckling, Recognizers, Ctparse, PhoneNumbers)


class Missing(System):
    def __init__(self, name: str, reason: str) -> None:
        self.name, self.status = name, reason

    def supports(self, kind: str, lang: str) -> bool:
        return False


def load_peers() -> list[System]:
    """Every peer, or a `Missing` stand-in saying why it is not measured."""
    systems: list[System] = []
    for peer in PEERS:
        try:
            systems.append(peer())
        except ImportError as error:
            systems.append(Missing(peer.name, f"not installed ({error.name or error})"))
        except Exception as error:  # a peer that fails to start is reported, not fatal
            systems.append(Missing(peer.name, f"failed to start: {type(error).__name__}"))
    return systems
