"""Toolbox group 2 · Resistance: esp:resistancesurface."""
