"""Typed models of the three kinds of source: catalogs, formulations and circulars."""
