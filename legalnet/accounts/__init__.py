"""Accounts: client organisations, users, roles, sign-in."""
