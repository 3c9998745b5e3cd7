"""Country facts the ACLED export needs (ISO numeric, alpha-3, ACLED region), from countries.yml.

Why data: extending vigie to another theatre means adding lines to ``data/countries.yml``,
not editing the exporter.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from vigie.data import load_yaml
from vigie.errors import DataFileError


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str  # as ACLED writes it
    iso: int  # ISO numeric
    iso3: str
    region: str  # ACLED region


def _key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold().strip())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Countries:
    """Lookup by ISO alpha-2 code or by any known name of the country."""

    def __init__(self, countries: list[Country], aliases: dict[str, str]) -> None:
        self._by_code = {c.code: c for c in countries}
        self._by_name = {_key(alias): self._by_code[code] for alias, code in aliases.items()}

    @classmethod
    def load(cls, name: str = "countries.yml") -> "Countries":
        raw = load_yaml(name)
        if not isinstance(raw, dict):
            raise DataFileError(f"{name}: expected a mapping of ISO codes")
        countries: list[Country] = []
        aliases: dict[str, str] = {}
        for code, entry in raw.items():
            try:
                country = Country(
                    code=str(code).upper(), name=entry["name"], iso=int(entry["iso"]),
                    iso3=entry["iso3"], region=entry["region"],
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise DataFileError(f"{name}: bad entry {code!r}: {exc!r}") from exc
            countries.append(country)
            for alias in [country.name, country.iso3, *entry.get("aliases", [])]:
                aliases[alias] = country.code
        return cls(countries, aliases)

    def get(self, code_or_name: str | None) -> Country | None:
        """The country for an alpha-2 code ("SY") or a name ("Syrie", "Syria"), else None."""
        if not code_or_name:
            return None
        return self._by_code.get(code_or_name.strip().upper()) or self._by_name.get(_key(code_or_name))
