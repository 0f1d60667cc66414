"""Thin platform adapters: platform events in, core requests out, replies rendered."""
