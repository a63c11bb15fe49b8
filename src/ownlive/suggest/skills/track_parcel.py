"""track_parcel ⇔ a tracking number: the carrier's own tracking page."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

from ownlive.suggest.cards import Action, Card
from ownlive.suggest.engine import SuggestContext, Understood
from ownlive.suggest.registry import skill

# The carriers' public tracking pages, number appended (checked against each
# carrier's site in 2026; they accept the number as a query or path part).
TRACKING_URLS = {
    "ups": "https://www.ups.com/track?tracknum={}",
    "usps": "https://tools.usps.com/go/TrackConfirmAction?tLabels={}",
    "fedex": "https://www.fedex.com/fedextrack/?trknbr={}",
    "dhl": "https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?tracking-id={}",
    "dpd": "https://tracking.dpd.de/status/en_US/parcel/{}",
    "hermes": "https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#{}",
    "royalmail": "https://www.royalmail.com/track-your-item#/tracking-results/{}",
    "sf": "https://www.sf-express.com/chn/sc/waybill/waybill-detail/{}",
    "jd": "https://www.jdl.com/orderSearch/?waybillCodes={}",
    "zto": "https://www.zto.com/express/expressCheck.html?txtBill={}",
    "ems": "https://www.ems.com.cn/queryList?mailNum={}",
}
CARRIER_NAMES = {
    "ups": "UPS",
    "usps": "USPS",
    "fedex": "FedEx",
    "dhl": "DHL",
    "dpd": "DPD",
    "hermes": "Hermes",
    "royalmail": "Royal Mail",
    "sf": "顺丰",
    "jd": "京东物流",
    "zto": "中通",
    "ems": "EMS",
}
TITLES = {"zh": "{}快递 {}", "de": "Sendung {} {}", "en": "{} parcel {}"}
LABELS = {"zh": "查看物流", "de": "Sendung verfolgen", "en": "Track parcel"}


@skill("track_parcel")
def track_parcel(message: Understood, context: SuggestContext) -> Iterator[Card]:
    for parcel in message.of_type("tracking"):
        carrier, number = str(parcel.value["carrier"]), str(parcel.value["number"])
        url = TRACKING_URLS.get(carrier, "https://parcelsapp.com/en/tracking/{}")
        yield Card(
            kind="track_parcel",
            title=TITLES[message.lang].format(CARRIER_NAMES.get(carrier, carrier), number),
            actions=[Action(LABELS[message.lang], url.format(quote(number)))],
            evidence=[(parcel.start, parcel.end)],
            data={"carrier": carrier, "number": number},
        )
