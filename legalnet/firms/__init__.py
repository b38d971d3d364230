"""Firms: member firms, their profiles, the public directory and membership rules."""
