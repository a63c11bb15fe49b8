"""German time words: weekdays, months, relative days, day-parts, holidays, units."""

from __future__ import annotations

WEEKDAYS = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
}
# Two-letter forms ("Mo", "Do", "So") are also words ("so", "do"): capitalized
# and beside a date or time only.
WEEKDAY_ABBR = {"mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5, "so": 6}

MONTHS = {
    "januar": 1,
    "jänner": 1,
    "jan": 1,
    "februar": 2,
    "feber": 2,
    "feb": 2,
    "märz": 3,
    "maerz": 3,
    "mär": 3,
    "mrz": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
}

REL_DAYS = {
    "heute": 0,
    "heut": 0,
    "morgen": 1,
    "übermorgen": 2,
    "gestern": -1,
    "vorgestern": -2,
}

# Nouns (capitalized in writing) and adverbs of the day-parts; "früh" follows
# "morgen"/"heute" ("morgen früh").
DAYPARTS = {
    "morgen": "morning",
    "morgens": "morning",
    "früh": "morning",
    "frühmorgens": "early",
    "früh morgens": "early",
    "morgens früh": "early",
    "in der frühe": "early",
    "vormittag": "morning",
    "vormittags": "morning",
    "vormittagszeit": "morning",
    "mittag": "noon",
    "mittags": "noon",
    "mittagszeit": "noon",
    "nachmittag": "afternoon",
    "nachmittags": "afternoon",
    "abend": "evening",
    "abends": "evening",
    "nacht": "night",
    "nachts": "night",
    "mitternacht": "midnight",
}
# Day-parts written onto a weekday: Freitagabend, Sonntagnachmittag.
COMPOUND_DAYPARTS = {
    "morgen": "morning",
    "früh": "morning",
    "vormittag": "morning",
    "mittag": "noon",
    "nachmittag": "afternoon",
    "abend": "evening",
    "nacht": "night",
}

HOLIDAYS = {
    "silvester": "new_years_eve",
    "silvesterabend": "new_years_eve",
    "neujahr": "new_year",
    "neujahrstag": "new_year",
    "heiligabend": "christmas_eve",
    "heiligen abend": "christmas_eve",
    "heilig abend": "christmas_eve",
    "weihnachten": "christmas",
    "weihnachtstag": "christmas",
    "ersten weihnachtsfeiertag": "christmas",
    "erster weihnachtsfeiertag": "christmas",
    "ersten weihnachtstag": "christmas",
    "zweiten weihnachtsfeiertag": "boxing_day",
    "zweiter weihnachtsfeiertag": "boxing_day",
    "zweiten weihnachtstag": "boxing_day",
    "ostern": "easter",
    "ostersonntag": "easter",
    "ostermontag": "easter_monday",
    "karfreitag": "good_friday",
    "pfingsten": "pentecost",
    "pfingstsonntag": "pentecost",
    "pfingstmontag": "whit_monday",
    "christi himmelfahrt": "ascension",
    "himmelfahrt": "ascension",
    "vatertag": "ascension",
    "fronleichnam": "corpus_christi",
    "tag der deutschen einheit": "german_unity",
    "tag der arbeit": "labour_day",
    "valentinstag": "valentine",
    "nikolaus": "nikolaus",
    "nikolaustag": "nikolaus",
    "muttertag": "mothers_day",
    "halloween": "halloween",
    "rosenmontag": "rose_monday",
    "aschermittwoch": "ash_wednesday",
    "allerheiligen": "all_saints",
    "reformationstag": "halloween",  # October 31 as well
}

# unit word -> (minutes per unit, days per unit, months per unit)
UNITS: dict[str, tuple[float, int, int]] = {}
for _words, _value in (
    (("sek", "sekunde", "sekunden"), (1 / 60, 0, 0)),
    (("min", "minute", "minuten"), (1, 0, 0)),
    (("std", "stunde", "stunden", "h"), (60, 0, 0)),
    (("tag", "tagen", "tage", "tg"), (0, 1, 0)),
    (("woche", "wochen"), (0, 7, 0)),
    (("monat", "monaten", "monate"), (0, 0, 1)),
    (("jahr", "jahren", "jahre"), (0, 0, 12)),
):
    for _w in _words:
        UNITS[_w] = _value
