"""The time zone of a buyer's country (eForms country codes are ISO 3166-1 alpha-3).

Every EU and EEA country is here, with Switzerland, the United Kingdom and the candidate
countries that publish on TED. Where a country spans zones (Portugal with the Azores and Madeira,
Spain with the Canary Islands) the capital's zone is used: a buyer's dates are nearly always
stated in it, and the notice's own offsets still place every moment exactly.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

ZONES: dict[str, str] = {
    # European Union
    "AUT": "Europe/Vienna",
    "BEL": "Europe/Brussels",
    "BGR": "Europe/Sofia",
    "HRV": "Europe/Zagreb",
    "CYP": "Asia/Nicosia",
    "CZE": "Europe/Prague",
    "DNK": "Europe/Copenhagen",
    "EST": "Europe/Tallinn",
    "FIN": "Europe/Helsinki",
    "FRA": "Europe/Paris",
    "DEU": "Europe/Berlin",
    "GRC": "Europe/Athens",
    "HUN": "Europe/Budapest",
    "IRL": "Europe/Dublin",
    "ITA": "Europe/Rome",
    "LVA": "Europe/Riga",
    "LTU": "Europe/Vilnius",
    "LUX": "Europe/Luxembourg",
    "MLT": "Europe/Malta",
    "NLD": "Europe/Amsterdam",
    "POL": "Europe/Warsaw",
    "PRT": "Europe/Lisbon",
    "ROU": "Europe/Bucharest",
    "SVK": "Europe/Bratislava",
    "SVN": "Europe/Ljubljana",
    "ESP": "Europe/Madrid",
    "SWE": "Europe/Stockholm",
    # European Economic Area, Switzerland, United Kingdom
    "ISL": "Atlantic/Reykjavik",
    "LIE": "Europe/Vaduz",
    "NOR": "Europe/Oslo",
    "CHE": "Europe/Zurich",
    "GBR": "Europe/London",
    # Candidate countries and neighbours that publish on TED
    "ALB": "Europe/Tirane",
    "BIH": "Europe/Sarajevo",
    "MDA": "Europe/Chisinau",
    "MKD": "Europe/Skopje",
    "MNE": "Europe/Podgorica",
    "SRB": "Europe/Belgrade",
    "TUR": "Europe/Istanbul",
    "UKR": "Europe/Kyiv",
    "GEO": "Asia/Tbilisi",
    "XKX": "Europe/Belgrade",
}

EU_EEA = frozenset(
    [
        "AUT",
        "BEL",
        "BGR",
        "HRV",
        "CYP",
        "CZE",
        "DNK",
        "EST",
        "FIN",
        "FRA",
        "DEU",
        "GRC",
        "HUN",
        "IRL",
        "ITA",
        "LVA",
        "LTU",
        "LUX",
        "MLT",
        "NLD",
        "POL",
        "PRT",
        "ROU",
        "SVK",
        "SVN",
        "ESP",
        "SWE",
        "ISL",
        "LIE",
        "NOR",
    ]
)


def zone_of(country: str | None) -> ZoneInfo | None:
    """The zone for an alpha-3 country code, or None for a country not listed."""
    if country is None:
        return None
    key = ZONES.get(country.strip().upper())
    return ZoneInfo(key) if key else None
