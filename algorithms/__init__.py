"""Processing wrappers: parameters -> espcore -> outputs. QGIS and GDAL live here."""
