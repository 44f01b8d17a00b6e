"""resistance."""
