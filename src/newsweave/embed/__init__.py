"""Embed stage: text → L2-normalised vector, behind one :class:`Encoder` interface.

>>> enc = get_encoder("lexical")
>>> enc.encode(["Armata a intrat în oraș"]).shape
(1, 1024)
"""

from newsweave.embed.base import Encoder, embed_text, get_encoder
from newsweave.embed.cache import CachedEncoder

__all__ = ["Encoder", "CachedEncoder", "get_encoder", "embed_text"]
