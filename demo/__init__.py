"""Demonstration data: MEF-format budget files generated from a catalogue of invented lines.

generate.py writes the files, catalogue.py holds the tables it draws from; `python -m etl demo`
(etl/demo.py) loads them through the real loader.
"""
