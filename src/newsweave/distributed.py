"""Distributed backfills: the per-record stages on Ray, the ordered pass here.

``newsweave ingest --ray [ADDRESS]`` splits :meth:`Pipeline.process_pending` in two:

* **prepare** (clean, annotate, embed: :func:`newsweave.pipeline.prepare_batch`) is pure per
  record, so it runs as a Ray Data ``map_batches`` over the pending records, on a cluster at
  ADDRESS (``auto``, ``ray://host:10001``) or on a local Ray started with
  ``settings.ray_num_cpus`` CPUs (0: all cores);
* **commit** (duplicate linking, clustering, describing, saving:
  :meth:`Pipeline.commit_prepared`) is one ordered pass in this process, over the prepared
  records in clustering order and with the same batch boundaries as a single-process run.

So the database ends exactly as a single-process run leaves it (tested): same events, same
stories, same embedding cache — as long as the encoder gives a text the same vector whatever
batch it is in (the lexical encoder does; a model may differ in the last float bits).
The embedding cache is honoured in the ordered pass: a text already cached keeps its
cached vector, a new one is added, as :class:`~newsweave.embed.CachedEncoder` would.

Records travel in chunks of ``chunk_batches`` batches; Ray prepares the next chunk while this
process commits the current one. Worker processes build the encoder once
(``settings.encoder``) and keep it. On a cluster every node needs NewsWeave installed, with
the same version and encoder, and the store URL is used only here (workers never touch it).
"""

from __future__ import annotations

import json
import logging
import pickle
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import islice
from typing import Any

import numpy as np

from newsweave.embed import get_encoder
from newsweave.model import RawArticle
from newsweave.pipeline import IngestReport, Pipeline, Prepared, prepare_batch
from newsweave.store.codec import dumps, raw_from

log = logging.getLogger("newsweave.distributed")
LOCAL = "local"  # the --ray value that starts a local Ray instead of joining a cluster

_ENCODERS: dict[str, Any] = {}  # per Ray worker process: the encoder is built once, then reused
_ENCODERS_LOCK = threading.Lock()


def _worker_encoder(spec: str, expected_name: str):
    with _ENCODERS_LOCK:
        enc = _ENCODERS.get(spec)
        if enc is None:
            enc = _ENCODERS[spec] = get_encoder(spec)
    if enc.name != expected_name:
        raise RuntimeError(
            f"Ray workers build encoder {enc.name!r} from settings.encoder={spec!r}, but the pipeline uses "
            f"{expected_name!r}: give both the same encoder"
        )
    return enc


def prepare_rows(batch: dict[str, np.ndarray], spec: str, expected_name: str, embed_chars: int) -> dict[str, np.ndarray]:
    """The Ray Data UDF: raw records (JSON) in, pickled :class:`Prepared` out, same order."""
    raws = [raw_from(json.loads(r)) for r in batch["raw"]]
    prepared = prepare_batch(raws, _worker_encoder(spec, expected_name), embed_chars)
    out = np.empty(len(prepared), dtype=object)
    out[:] = [pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL) for p in prepared]
    return {"i": np.asarray(batch["i"]), "prepared": out}


def init_ray(address: str | None, num_cpus: int = 0) -> bool:
    """Connect to Ray at ``address`` or start a local one; True when this call started it."""
    import ray

    if ray.is_initialized():
        return False
    common = {"include_dashboard": False, "logging_level": logging.WARNING, "log_to_driver": False}
    if address in (None, "", LOCAL):
        ray.init(num_cpus=num_cpus or None, **common)
    else:
        ray.init(address=address, **common)
    return True


class RayPreparer:
    """Runs :func:`prepare_batch` on Ray Data for chunks of raw records."""

    def __init__(self, spec: str, expected_name: str, embed_chars: int, batch_size: int, workers: int) -> None:
        self.spec, self.expected_name, self.embed_chars = spec, expected_name, embed_chars
        self.batch_size, self.workers = batch_size, max(1, workers)

    def __call__(self, raws: list[RawArticle]) -> list[Prepared]:
        import ray.data

        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        ctx.execution_options.preserve_order = True
        items = [{"i": k, "raw": dumps(r)} for k, r in enumerate(raws)]
        blocks = max(1, -(-len(items) // self.batch_size))
        ds = ray.data.from_items(items, override_num_blocks=blocks).map_batches(
            prepare_rows,
            batch_size=self.batch_size,
            batch_format="numpy",
            fn_kwargs={"spec": self.spec, "expected_name": self.expected_name, "embed_chars": self.embed_chars},
            compute=ray.data.TaskPoolStrategy(size=self.workers),
            num_cpus=1,
        )
        got: dict[int, Prepared] = {}
        for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
            for i, blob in zip(batch["i"], batch["prepared"]):
                got[int(i)] = pickle.loads(blob)
        if len(got) != len(raws):
            raise RuntimeError(f"Ray returned {len(got)} of {len(raws)} prepared records")
        return [got[k] for k in range(len(raws))]


def process_pending_ray(
    pipe: Pipeline,
    address: str | None = None,
    progress: Callable[[int], None] | None = None,
    report: IngestReport | None = None,
    *,
    workers: int | None = None,
    chunk_batches: int = 16,
    encoder_spec: str | None = None,
) -> IngestReport:
    """:meth:`Pipeline.process_pending` with the per-record stages on Ray. Same result, same report.

    ``address``: None or ``"local"`` starts a local Ray (``settings.ray_num_cpus``), anything
    else is passed to ``ray.init(address=...)``. ``workers``: concurrent prepare tasks
    (default: the cluster's CPUs). ``encoder_spec``: what workers pass to ``get_encoder``
    (default ``settings.encoder``).
    """
    import ray

    report = report or IngestReport()
    started = init_ray(address, pipe.settings.ray_num_cpus)
    try:
        n = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        bs = pipe.settings.batch_size
        prep = RayPreparer(encoder_spec or pipe.settings.encoder, pipe.encoder.name, pipe.settings.embed_chars, bs, n)
        pending = iter(pipe.store.pending_raw())
        chunk = bs * max(1, chunk_batches)  # a multiple of the batch size: the same batch boundaries

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ray-prepare") as pool:

            def submit() -> Future | None:
                raws = list(islice(pending, chunk))
                return pool.submit(prep, raws) if raws else None

            fut = submit()
            while fut is not None:
                prepared = fut.result()
                fut = submit()  # Ray prepares the next chunk while this one is committed
                for k in range(0, len(prepared), bs):
                    sub = prepared[k : k + bs]
                    pipe.adopt_vectors(sub)
                    pipe.commit_prepared(sub, report)
                    if progress:
                        progress(len(sub))
        return report
    finally:
        if started:
            ray.shutdown()
