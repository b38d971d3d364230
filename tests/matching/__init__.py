"""Tests of the matching engine, resolver, conflict screen and the match command."""
