"""The key restoration sites as a project list: every key area of key_areas.gpkg with a point
inside it, that point's county and its longitude and latitude.

The point is GEOS's point on surface (inside the polygon even when the polygon is a ring or
a bent corridor, where a centroid may fall outside), so a site can be found on the ground and
attributed to the one county that holds it.
"""

from typing import Any, Dict, List, Optional, Tuple

from osgeo import ogr, osr

from .data import RunData

Site = Dict[str, Any]


def _geographic(source: Optional[osr.SpatialReference]) -> Optional[osr.CoordinateTransformation]:
    """Map coordinates -> (longitude, latitude) on WGS 84, or None without a CRS."""
    if source is None:
        return None
    target = osr.SpatialReference()
    target.ImportFromEPSG(4326)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    try:
        return osr.CoordinateTransformation(source, target)
    except (RuntimeError, TypeError):
        return None


class SiteCounties:
    """The ledger's polygons with their names, for the county of a point."""

    def __init__(self, path: str, names: List[str], srs: Optional[osr.SpatialReference]):
        self.source = ogr.Open(path)  # the geometries need their data source alive
        self.entries: List[Tuple[Tuple[float, float, float, float], Any, str]] = []
        if self.source is None:
            return
        layer = self.source.GetLayer(0)
        transform = None
        own = layer.GetSpatialRef()
        if srs is not None and own is not None and not own.IsSame(srs):
            for each in (own, srs):
                each.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            transform = osr.CoordinateTransformation(own, srs)
        for feature, name in zip(layer, names):
            geometry = feature.GetGeometryRef()
            if geometry is None:
                continue
            geometry = geometry.Clone()
            if transform is not None:
                geometry.Transform(transform)
            self.entries.append((geometry.GetEnvelope(), geometry, name))

    def at(self, point: Any) -> Optional[str]:
        x, y = point.GetX(), point.GetY()
        for (x0, x1, y0, y1), geometry, name in self.entries:
            if x0 <= x <= x1 and y0 <= y <= y1 and geometry.Intersects(point):
                return name
        return None


def _site(feature: Any, point: Any, county: Optional[str],
          to_degrees: Optional[osr.CoordinateTransformation]) -> Site:
    lon = lat = None
    if to_degrees is not None:
        lon, lat, _ = to_degrees.TransformPoint(point.GetX(), point.GetY())

    def value(name: str) -> Any:
        index = feature.GetFieldIndex(name)
        return feature.GetField(index) if index >= 0 and feature.IsFieldSet(index) else None

    return {"id": value("key_id") if value("key_id") is not None else feature.GetFID(),
            "kind_id": int(value("kind_id") or 0), "kind": value("kind"),
            "level": int(value("level") or 0), "score": value("score"),
            "area_km2": value("area_km2"), "length_km": value("length_km"),
            "x": point.GetX(), "y": point.GetY(), "lon": lon, "lat": lat, "county": county}


def read_sites(data: RunData) -> None:
    """Fill ``data.sites`` from the key areas, in project-list order."""
    source = ogr.Open(data.paths["KEY_AREAS"])
    if source is None:
        return
    layer = source.GetLayer(0)
    srs = layer.GetSpatialRef()
    to_degrees = _geographic(srs.Clone() if srs is not None else None)
    counties = SiteCounties(data.paths["LEDGER"], [u["name"] for u in data.units], srs) \
        if data.has("LEDGER") and data.units else None
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if geometry is None or geometry.IsEmpty():
            continue
        point = geometry.PointOnSurface()
        if point is None or point.IsEmpty():
            continue
        county = counties.at(point) if counties is not None else None
        data.sites.append(_site(feature, point, county, to_degrees))
    # The most urgent level first, then by kind, then the highest score.
    data.sites.sort(key=lambda s: (s["level"], s["kind_id"], -(s["score"] or 0.0), s["id"]))
