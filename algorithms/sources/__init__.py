"""Toolbox group 1 · Sources: esp:mspa, esp:habitatquality, esp:connectivityimportance and
esp:extractsources (``dispersal`` holds the dispersal parameters the last two share)."""
