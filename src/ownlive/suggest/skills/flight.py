"""flight ⇔ a flight number: the flight's status page, with its date when the message has one."""

from __future__ import annotations

from collections.abc import Iterator

from ownlive.suggest.cards import Action, Card
from ownlive.suggest.engine import SuggestContext, Understood
from ownlive.suggest.registry import skill
from ownlive.suggest.when import plan_moment

# Airlines whose own status page takes the flight number in the URL; the rest
# go to a public flight tracker, which covers every IATA designator.
AIRLINE_STATUS = {
    "LH": "https://www.lufthansa.com/de/en/flight-status?flightNumber={code}",
    "CA": "https://www.airchina.com.cn/en/flight_status/index.shtml?flightNo={code}",
    "MU": "https://us.ceair.com/en/flight-status.html?flightNo={code}",
    "BA": "https://www.britishairways.com/travel/flightstatus/public/en_gb?flightNumber={number}",
    "UA": "https://www.united.com/en/us/flightstatus/details/{number}",
}
TRACKER = "https://www.flightradar24.com/data/flights/{code}"
TITLES = {"zh": "航班 {}", "de": "Flug {}", "en": "Flight {}"}
LABELS = {"zh": "航班动态", "de": "Flugstatus", "en": "Flight status"}


@skill("flight")
def flight(message: Understood, context: SuggestContext) -> Iterator[Card]:
    moment = plan_moment(message)
    for found in message.of_type("flight"):
        code = str(found.value["code"])
        airline, number = str(found.value["airline"]), str(found.value["number"])
        url = AIRLINE_STATUS.get(airline, TRACKER).format(code=code, number=number)
        title = TITLES[message.lang].format(code)
        evidence = [(found.start, found.end)]
        if moment is not None:
            shown = moment.start.isoformat()[: 16 if moment.has_clock_time else 10]
            title += f" · {shown.replace('T', ' ')}"
            evidence += moment.evidence
        yield Card(
            kind="flight",
            title=title,
            actions=[Action(LABELS[message.lang], url)],
            evidence=sorted(evidence),
            data={"code": code, "when": moment.start.isoformat() if moment else None},
        )
