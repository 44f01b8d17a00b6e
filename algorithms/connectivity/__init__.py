"""Toolbox group 3 · Connectivity: circuit theory (esp:circuitscape, esp:circuitscapeini,
esp:omniscape, esp:omniscapeini) and least-cost corridors with what is read off them
(esp:linkagepathways, esp:pinchpoints, esp:barriers, esp:centrality)."""
