"""zoning."""
