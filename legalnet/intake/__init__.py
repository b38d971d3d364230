"""Intake: client requests by jurisdiction, practice area and language."""
