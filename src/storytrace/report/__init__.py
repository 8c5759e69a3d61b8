"""Renderers of a comparison Report: JSON (the versioned schema), terminal (rich)."""
