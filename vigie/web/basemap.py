"""Builds the offline base map the web desk ships: ``vigie/web/static/basemap.geojson``.

Why a build step: the map must draw with no tile server and no network, from boundary polygons
the package carries. They are derived from the openly licensed files in ``shared/data/boundaries``
(UN OCHA COD-AB Syria, CC BY 3.0 IGO; Natural Earth, public domain; OpenSyria names, CC BY 4.0):
the simplified governorates, Syria's outline, the neighbouring countries and the occupied Golan,
with coordinates rounded to about 100 m and only the properties the map reads. Re-run with
``python -m vigie.web.basemap ../shared/data/boundaries`` when the sources change; the credit
is in ``vigie/web/static/ATTRIBUTION.txt``.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).parent / "static" / "basemap.geojson"
LAYERS = (  # (file, layer name, property kept as "name")
    ("neighbours_ne50m.geojson", "neighbour", "name"),
    ("syr_adm0_ocha_simplified.geojson", "country", "adm0_name"),
    ("syr_adm1_ocha_simplified.geojson", "governorate", "name_en"),
    ("syr_golan_occupied_ne10m.geojson", "golan", "name"),
)
DIGITS = 3


def _round(coords: Any) -> Any:
    if isinstance(coords[0], (int, float)):
        return [round(c, DIGITS) for c in coords]
    return [_round(c) for c in coords]


def build(source: Path) -> dict[str, Any]:
    """One FeatureCollection of every layer, each feature tagged with its ``layer``."""
    features = []
    for name, layer, label in LAYERS:
        data = json.loads((source / name).read_text(encoding="utf-8"))
        for feature in data["features"]:
            geometry = feature["geometry"]
            features.append({
                "type": "Feature",
                "properties": {"layer": layer, "name": feature["properties"].get(label)},
                "geometry": {"type": geometry["type"], "coordinates": _round(geometry["coordinates"])},
            })
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> None:
    OUTPUT.write_text(json.dumps(build(Path(argv[0])), separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
