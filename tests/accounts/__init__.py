"""Tests of accounts, sign-in and the account commands."""
