"""Public pages: home and how the centre works."""
