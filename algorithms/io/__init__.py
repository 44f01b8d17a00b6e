"""QGIS and GDAL input/output shared by the wrappers: rasters as Grids and GeoTIFFs (``raster``),
source patches, links, focal points, administrative units and zone layers as arrays and back
(``patches``, ``links``, ``sources``, ``focal``, ``units``, ``zones``), Circuitscape files
(``csfiles``), graded outputs (``classes``) and vector styles (``vector_styles``)."""
