"""Data shipped with NewsWeave: scorer parameters, gazetteer tables, the demo corpus."""
