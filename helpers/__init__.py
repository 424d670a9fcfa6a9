"""Helpers for the news-coverage comparison notebooks."""
