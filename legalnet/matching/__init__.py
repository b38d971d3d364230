"""Matching: vocabulary, resolver, ranking and conflict screen."""
