"""corridors."""
