"""NewsWeave: a self-hosted multilingual news event tracker.

Data flows one way: ingest → clean → annotate → embed → cluster → describe → store.
See ``newsweave.pipeline.Pipeline`` for the whole job and ``newsweave.model`` for the types.
"""

__version__ = "0.1.0"
