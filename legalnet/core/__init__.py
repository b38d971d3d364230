"""Pieces every domain shares: the model base, time, errors and permission helpers."""
