"""legalnet test suite."""
