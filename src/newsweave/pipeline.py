"""The pipeline: ingest → clean → annotate → embed → cluster → describe → store.

An article passes each stage once, in one direction. Work happens in two
phases so that nothing received is ever lost:

1. every record is stored *as received* (or quarantined with its reason);
2. stored records are processed in clustering order, one batch per
   transaction, together with the clusterer's checkpoint.

A killed ingest therefore resumes at the last committed batch and ends with the
same database as an uninterrupted run.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np

from newsweave.annotate import annotate
from newsweave.clean import NearDuplicateIndex, clean_article
from newsweave.clean.dedup import minhash_signature
from newsweave.cluster import OnlineClusterer, Profile, Scorer, article_profile
from newsweave.config import Settings, get_settings
from newsweave.describe import describe_event, describe_story
from newsweave.embed import CachedEncoder, Encoder, embed_text, get_encoder
from newsweave.embed.cache import text_hash
from newsweave.model import Article, Assignment, Event, QuarantineEntry, RawArticle
from newsweave.store import Batch, EventQuery, Store, open_store
from newsweave.store.codec import article_json_parts

log = logging.getLogger("newsweave.pipeline")
Progress = Callable[[int], None]
_STATE_KEY = "newsweave.pipeline"  # marks a checkpoint that wraps the clusterer's state
DESCRIBE_EVERY_S = 120.0  # during a long run, describe pending events this often (for readers)


@dataclass
class IngestReport:
    """What an ingest did: the CLI prints it, tests assert on it."""

    ingested: int = 0  # new records stored
    duplicates: int = 0  # same id, same content, or a near-duplicate wire copy
    rejected: int = 0  # quarantined, each with a reason
    processed: int = 0  # articles cleaned, embedded and clustered in this run
    errors: list[str] = field(default_factory=list)


def _days(article: Article) -> float | None:
    """Stream time of an article in days since the epoch."""
    if article.published is not None:
        return article.published.timestamp() / 86400.0
    if article.event_date is not None:
        return dt.datetime.combine(article.event_date, dt.time(12), tzinfo=dt.UTC).timestamp() / 86400.0
    return None


@dataclass
class Prepared:
    """One raw record after the per-record stages (clean, annotate, embed): an article, or why not.

    ``failure`` with no ``article``: cleaning or annotation failed. Both set: the article was
    made but its embedding failed (it still takes part in duplicate linking, then is dropped).
    Plain data, picklable: Ray workers make these.
    """

    raw_id: str
    article: Article | None = None
    failure: QuarantineEntry | None = None
    signature: bytes | None = None  # near-duplicate MinHash of title + text, made with the article
    # The article's stored JSON, made with it (store.codec.article_json_parts): the ordered pass, which
    # runs in one process, only fills in duplicate_of. None: serialised at save time (same bytes).
    json_parts: tuple[str, str] | None = None
    # The clusterer's view of the article (cluster.article_profile), made where the vector was, and the
    # vector it was made from: the ordered pass uses it while the article still has that vector.
    profile: Profile | None = None
    profile_vector: Any = None

    def add_profile(self) -> None:
        """Make :attr:`profile` now (in a worker); left None if that fails (the ordered pass retries it)."""
        if self.article is None or self.article.vector is None or self.failure is not None:
            return
        try:
            self.profile, self.profile_vector = article_profile(self.article), self.article.vector
        except Exception:  # noqa: BLE001 - the ordered pass makes it again, and reports what goes wrong
            self.profile = self.profile_vector = None

    def profile_for(self, article: Article) -> Profile:
        """The profile of ``article`` (this record's): the one made in advance when its vector is unchanged."""
        v = article.vector
        if self.profile is not None and (v is self.profile_vector or _same_vector(v, self.profile_vector)):
            return self.profile
        return article_profile(article)


def _same_vector(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    a, b = np.asarray(a), np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


def prepare_record(raw: RawArticle) -> Prepared:
    """Clean and annotate one record; a failure is caught and described, never raised."""
    stage = "clean"
    try:
        article = clean_article(raw)
        if not article.text.strip() and not article.title.strip():
            raise ValueError("nothing of the article is left after cleaning")
        stage = "annotate"
        article = annotate(article)
        return Prepared(raw.id, article, signature=minhash_signature(f"{article.title}\n{article.text}"),
                        json_parts=article_json_parts(article))
    except Exception as e:  # one bad record never stops the batch
        msg = f"{raw.origin or raw.id}: {stage} failed: {type(e).__name__}: {e}"
        log.warning("quarantined: %s", msg)
        return Prepared(raw.id, failure=QuarantineEntry(stage, msg, raw.raw or raw.text, raw.origin, raw.id))


def prepare_record_embedded(raw: RawArticle, encoder: Encoder, embed_chars: int) -> Prepared:
    """:func:`prepare_record` plus the vector, for an encoder cheap enough to run in each worker.

    A failed encoding leaves the vector empty; the main process then embeds (or quarantines) it.
    """
    p = prepare_record(raw)
    if p.article is not None:
        try:
            p.article.vector = encoder.encode([embed_text(p.article, embed_chars)])[0]
        except Exception:  # noqa: BLE001 - retried, and reported, by the main process
            p.article.vector = None
        p.add_profile()
    return p


def _describe_one(event_id: str, articles: list[Article], story_id: str | None) -> Event:
    return describe_event(event_id, articles, story_id=story_id)


_READER: dict[str, Store] = {}  # per worker process: a read-only connection to the store it describes from


def _describe_stored(url: str, encoder_name: str, embed_chars: int, event_id: str, story_id: str | None) -> Event:
    """Describe an event from its stored articles, read here (a worker) rather than shipped by the ordered
    process: decoding and sending every article of a run was ~10% of that process's time.

    The same articles, order and cached vectors as :meth:`Pipeline._describe` gives ``describe_event``.
    """
    store = _READER.get(url)
    if store is None:
        for old in _READER.values():
            old.close()
        _READER.clear()
        store = _READER[url] = open_store(url, read_only=True)
    arts = sorted(store.articles(event_id=event_id), key=lambda a: (a.seq, a.id))
    _attach_vectors(store, encoder_name, embed_chars, arts)
    return describe_event(event_id, arts, story_id=story_id)


def _attach_vectors(store: Store, encoder_name: str, embed_chars: int, articles: list[Article]) -> None:
    missing = [a for a in articles if a.vector is None]
    if not missing:
        return
    hashes = [text_hash(embed_text(a, embed_chars)) for a in missing]
    found = store.get_vectors(encoder_name, hashes)
    for a, h in zip(missing, hashes):
        a.vector = found.get(h)


def embed_prepared(prepared: list[Prepared], encoder: Encoder, embed_chars: int) -> None:
    """Give every prepared article its vector, in one encoder call when possible."""
    todo = [p.article for p in prepared if p.article is not None]
    texts = [embed_text(a, embed_chars) for a in todo]
    failed: dict[int, QuarantineEntry] = {}
    try:
        vectors = list(encoder.encode(texts)) if texts else []
    except Exception as e:  # fall back to one at a time so one bad text cannot sink the batch
        log.warning("batch embedding failed (%s); retrying one by one", e)
        vectors = []
        for i, (a, t) in enumerate(zip(todo, texts)):
            try:
                vectors.append(encoder.encode([t])[0])
            except Exception as e1:
                msg = f"{a.id}: embed failed: {type(e1).__name__}: {e1}"
                failed[i] = QuarantineEntry("embed", msg, a.text, "", a.id)
                vectors.append(None)
    for a, v in zip(todo, vectors):
        a.vector = v
    with_article = [p for p in prepared if p.article is not None]
    for i, entry in failed.items():
        with_article[i].failure = entry


def prepare_batch(
    raws: list[RawArticle], encoder: Encoder, embed_chars: int, pool: Any = None
) -> list[Prepared]:
    """The per-record stages of one batch: clean, annotate, embed.

    Pure per record — no store, no clusterer, no order — so the same code runs in this
    process, in a local process pool (``pool``), or on Ray workers (:mod:`newsweave.distributed`).
    """
    if pool is not None and len(raws) > 1:
        prepared = pool.map(prepare_record, raws, chunksize=max(1, len(raws) // 8))
    else:
        prepared = [prepare_record(raw) for raw in raws]
    embed_prepared(prepared, encoder, embed_chars)
    for p in prepared:
        p.add_profile()
    return prepared


class Pipeline:
    """Runs articles through every stage into a store.

    >>> from newsweave.store import open_store
    >>> p = Pipeline(open_store(":memory:"), encoder=get_encoder("lexical"))
    >>> p.ingest([RawArticle(id="a", title="Fire in Patras", text="A fire broke out in Patras.")]).ingested
    1
    """

    def __init__(
        self,
        store: Store,
        settings: Settings | None = None,
        encoder: Encoder | None = None,
        scorer: Scorer | None = None,
    ) -> None:
        self.store = store
        self.settings = settings or get_settings()
        base = encoder or get_encoder(self.settings.encoder)
        self.encoder = CachedEncoder(base, store)
        self._worker_encoder = base if getattr(base, "in_workers", False) else None
        self.scorer = scorer or Scorer.load().for_encoder(base.name)
        s = self.settings
        self.clusterer = OnlineClusterer(
            self.scorer,
            dim=base.dim,
            window_days=s.window_days,
            story_window_days=s.story_window_days,
            assign_threshold=s.assign_threshold,
            story_threshold=s.story_threshold,
            candidates=s.candidates,
        )
        # Events whose articles changed since they were last described: id -> story id from their
        # assignments (None when none gave one). Describing is deferred to the end of a run,
        # checkpointed with the clusterer so that a killed run's resume still does it.
        self._undescribed: dict[str, str | None] = {}
        self._described_at = time.monotonic()
        state = store.load_state()
        if state:
            self._restore(state)
        self.near_dups = NearDuplicateIndex(threshold=s.minhash_threshold)
        self.near_dups.load(store.signatures())

    # --- phase 1: receive ---------------------------------------------------------
    def receive(self, items: Iterable[RawArticle | QuarantineEntry], report: IngestReport) -> None:
        """Store every record as received, or quarantine it with its reason."""
        buffer: list[RawArticle] = []
        bad: list[QuarantineEntry] = []
        last_key = ""

        def flush() -> None:
            new, dups = self.store.add_raw(buffer)
            report.ingested += new
            report.duplicates += len(dups)
            if bad:
                self.store.quarantine(bad)
                report.rejected += len(bad)
                report.errors.extend(e.error for e in bad)
            buffer.clear()
            bad.clear()

        for item in items:
            if isinstance(item, QuarantineEntry):
                bad.append(item)
                log.warning("rejected: %s", item.error)
            else:
                # Undated articles keep their place in the stream: they sort right
                # after the dated article that preceded them in the input.
                if item.published is not None:
                    last_key = item.published.astimezone(dt.UTC).isoformat()
                item.metadata["_sort_key"] = last_key if item.published is None else ""
                buffer.append(item)
            if len(buffer) + len(bad) >= 1000:
                flush()
        flush()

    # --- phase 2: process ---------------------------------------------------------
    def process_pending(self, progress: Progress | None = None, report: IngestReport | None = None) -> IngestReport:
        """Clean, annotate, embed, cluster and describe every stored, unprocessed record."""
        report = report or IngestReport()
        pool = self._pool()
        ahead: tuple[list[RawArticle], Any] | None = None
        for raws in self._pending_batches():
            if pool is None:
                self._finish_batch(raws, [prepare_record(r) for r in raws], report, progress)
                continue
            # The workers clean and annotate (and, with a cheap encoder, embed) the next batch while this
            # process commits this one.
            fn: Any = prepare_record
            if self._worker_encoder is not None:
                fn = partial(prepare_record_embedded, encoder=self._worker_encoder,
                             embed_chars=self.settings.embed_chars)
            # One chunk per worker: every result message wakes the pool's worker-handler thread, which then
            # spins until the message is read; fewer, larger messages took ~0.07 ms/article off this process.
            job = pool.map_async(fn, raws, chunksize=-(-len(raws) // self._workers))
            if ahead is not None:
                self._finish_batch(ahead[0], ahead[1].get(), report, progress)
            ahead = (raws, job)
        if ahead is not None:
            self._finish_batch(ahead[0], ahead[1].get(), report, progress)
        self.describe_pending()
        return report

    def _pending_batches(self) -> Iterable[list[RawArticle]]:
        # A batch is a transaction and a progress step. With a cheap encoder a batch of model-sized
        # batches takes milliseconds, so four are taken at once: fewer commits, checkpoints and hand-offs
        # to the workers (about +10% articles/s with --no-embed). Results do not depend on batch size.
        size = self.settings.batch_size * (4 if self._worker_encoder is not None else 1)
        batch: list[RawArticle] = []
        for raw in self.store.pending_raw():
            batch.append(raw)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    def _finish_batch(
        self, raws: list[RawArticle], prepared: list[Prepared], report: IngestReport, progress: Progress | None
    ) -> None:
        self.adopt_vectors(prepared)
        missing = [p for p in prepared if p.article is not None and p.article.vector is None]
        embed_prepared(missing, self.encoder, self.settings.embed_chars)
        self.commit_prepared(prepared, report, describe=False)
        if time.monotonic() - self._described_at > DESCRIBE_EVERY_S:
            self.describe_pending()
        if progress:
            progress(len(raws))

    def describe_pending(self) -> None:
        """Describe every event whose articles changed since it was last described (one transaction)."""
        self._described_at = time.monotonic()
        if not self._undescribed:
            return
        out = Batch()
        todo = dict(self._undescribed)
        self._undescribed.clear()
        out.events, out.stories = self._describe(todo)
        out.clusterer_state = self._state()
        self.store.save_batch(out)

    def _state(self) -> bytes:
        """The checkpoint: the clusterer's state plus the events still to describe."""
        state = {_STATE_KEY: 1, "clusterer": self.clusterer.state(), "undescribed": self._undescribed}
        return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)

    def _restore(self, blob: bytes) -> None:
        d = pickle.loads(blob)
        if isinstance(d, dict) and _STATE_KEY in d:
            self.clusterer.restore(d["clusterer"])
            self._undescribed = dict(d["undescribed"])
        else:  # a checkpoint written before describing was deferred: the bare clusterer state
            self.clusterer.restore(blob)

    def ingest(
        self, items: Iterable[RawArticle | QuarantineEntry], progress: Progress | None = None
    ) -> IngestReport:
        """Receive then process: the whole job of ``newsweave ingest``."""
        report = IngestReport()
        self.receive(items, report)
        return self.process_pending(progress, report)

    def retry(self, progress: Progress | None = None) -> IngestReport:
        """Re-run every quarantined record: stored ones from their raw record, rejected ones re-parsed."""
        import json

        from newsweave.ingest.records import RecordError, record_to_raw

        report = IngestReport()
        again: list[RawArticle | QuarantineEntry] = []
        for entry in self.store.requeue_quarantined():
            if entry.article_id:
                continue  # its raw record is pending again
            try:
                again.append(record_to_raw(json.loads(entry.raw), entry.origin, raw=entry.raw))
            except (ValueError, RecordError) as e:
                again.append(QuarantineEntry(entry.stage, f"{entry.origin}: {e}", entry.raw, entry.origin))
        self.receive(again, report)
        return self.process_pending(progress, report)

    def _pool(self) -> Any:
        """A process pool for clean+annotate when there are cores to spare and enough work."""
        if getattr(self, "_pool_obj", None) is not None:
            return self._pool_obj
        workers = self.settings.workers or (os.cpu_count() or 1)
        if workers <= 1 or self.store.count_pending() < self.settings.pool_min_pending:
            return None
        import multiprocessing

        from newsweave.annotate import warm_up

        warm_up()  # load the gazetteer once, before forking: the workers share it
        ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        self._pool_obj = ctx.Pool(workers)
        self._workers = workers
        return self._pool_obj

    def close(self) -> None:
        """Stop worker processes, if any were started."""
        pool = getattr(self, "_pool_obj", None)
        if pool is not None:
            pool.close()
            pool.join()
            self._pool_obj = None

    def commit_prepared(self, prepared: list[Prepared], report: IngestReport, describe: bool = True) -> None:
        """The ordered part of a batch: link duplicates, cluster, describe, save (one transaction).

        ``prepared`` is :func:`prepare_batch`'s output for one batch of pending records, in stream
        order — made here, or on Ray workers by :mod:`newsweave.distributed`. ``describe=False``
        leaves the touched events for :meth:`describe_pending` (checkpointed, so nothing is lost):
        an event that grows in every batch is then described once per run, not once per batch.
        """
        out = Batch()
        articles: list[Article] = []
        for p in prepared:
            if p.article is None:  # clean or annotate failed
                out.quarantined.append(p.failure)  # type: ignore[arg-type]
                out.failed_raw_ids.append(p.raw_id)
            else:
                articles.append(p.article)
        signatures = {p.article.id: p.signature for p in prepared if p.article is not None and p.signature}
        out.article_json = {p.article.id: p.json_parts for p in prepared if p.article is not None and p.json_parts}
        self._link_duplicates(articles, out, signatures)
        for p in prepared:
            if p.article is not None and p.failure is not None:  # embedding failed
                out.quarantined.append(p.failure)
                out.failed_raw_ids.append(p.article.id)
        articles = [a for a in articles if a.vector is not None]
        fresh: dict[str, list[Article]] = {}  # this batch's articles (not stored yet), by event
        made = {id(p.article): p for p in prepared if p.article is not None}
        profiles = [made[id(article)].profile_for(article) for article in articles]
        with self.clusterer.block([p.vector for p in profiles]):  # searched a block at a time, same result
            for article, profile in zip(articles, profiles):
                follow = None
                if article.duplicate_of:
                    follow = self._event_of_article(article.duplicate_of, out.assignments)
                assignment = self.clusterer.assign(article.id, profile, _days(article), follow)
                out.assignments.append(assignment)
                eid = assignment.event_id
                fresh.setdefault(eid, []).append(article)
                # A story id, once given, is kept.
                self._undescribed[eid] = assignment.story_id or self._undescribed.get(eid)
        out.articles = articles
        if describe:
            todo = dict(self._undescribed)
            self._undescribed.clear()
            out.events, out.stories = self._describe(todo, fresh)
        out.clusterer_state = self._state()
        self.store.save_batch(out)
        report.processed += len(articles)
        report.duplicates += sum(1 for a in articles if a.duplicate_of)
        report.rejected += len(out.quarantined)
        report.errors.extend(e.error for e in out.quarantined)

    def _link_duplicates(self, articles: list[Article], out: Batch, signatures: dict[str, bytes] | None = None) -> None:
        """Exact copies (content hash) and near-duplicate wire copies point at their original.

        ``signatures``: MinHash signatures already made (by the workers), by article id.
        """
        signatures = signatures or {}
        known = self.store.article_ids_by_hash([a.content_hash for a in articles])
        for a in articles:
            original = known.get(a.content_hash)
            if original is None:
                known[a.content_hash] = a.id
            elif original != a.id:
                a.duplicate_of = original
                continue
            sig = signatures.get(a.id)
            if sig is None or len(sig) != 4 * self.near_dups.num_perm:
                sig = self.near_dups.signature(f"{a.title}\n{a.text}")
            match = self.near_dups.query_or_add(a.id, sig)
            if match is not None:
                a.duplicate_of = match
            else:
                out.signatures[a.id] = sig

    def _event_of_article(self, article_id: str, pending: list[Assignment]) -> str | None:
        for s in pending:
            if s.article_id == article_id:
                return s.event_id
        return self.store.event_of([article_id]).get(article_id)

    def adopt_vectors(self, prepared: list[Prepared]) -> None:
        """Vectors made outside this process (workers, Ray) meet the cache as CachedEncoder would have
        it: a cached vector wins, a new one is stored."""
        arts = [p.article for p in prepared if p.article is not None and p.article.vector is not None]
        if not arts:
            return
        name, chars = self.encoder.name, self.settings.embed_chars
        hashes = [text_hash(embed_text(a, chars)) for a in arts]
        found = self.store.get_vectors(name, list(set(hashes)))
        new: dict[str, np.ndarray] = {}
        for a, h in zip(arts, hashes):
            if h in found:
                a.vector = found[h]
            else:
                a.vector = np.asarray(a.vector, dtype=np.float32)
                new.setdefault(h, a.vector)
        if new:
            self.store.put_vectors(name, dict(sorted(new.items())))

    def attach_vectors(self, articles: list[Article]) -> None:
        """Give stored articles their cached vectors back (for describing)."""
        _attach_vectors(self.store, self.encoder.name, self.settings.embed_chars, articles)

    def _describe(
        self, todo: dict[str, str | None], fresh: dict[str, list[Article]] | None = None
    ) -> tuple[list[Event], list]:
        """Describe events from their stored articles plus ``fresh`` (this batch's, not yet stored) ones.

        ``todo``: event id -> story id or None; ``fresh``: event id -> articles not stored yet. An
        event's articles go to ``describe_event`` in input order (``seq``), whatever the batches were,
        so batch size, worker processes and Ray all give the same descriptions.
        """
        fresh = fresh or {}
        pool = getattr(self, "_pool_obj", None)
        url = getattr(self.store, "reader_url", None)
        if pool is not None and url and len(todo) > 1 and not fresh:
            # Every article is stored: the workers read and describe the events themselves.
            stored = [(url, self.encoder.name, self.settings.embed_chars, eid,
                       story or (self.store.event(eid) or Event(eid)).story_id) for eid, story in todo.items()]
            events = pool.starmap(_describe_stored, stored, chunksize=max(1, len(stored) // 16))
            return events, self._describe_stories(events)
        jobs = []
        for eid, story in todo.items():
            by_id = {a.id: a for a in self.store.articles(event_id=eid)}
            by_id.update((a.id, a) for a in fresh.get(eid, ()))
            arts = sorted(by_id.values(), key=lambda a: (a.seq, a.id))
            self.attach_vectors(arts)
            jobs.append((eid, arts, story or (self.store.event(eid) or Event(eid)).story_id))
        if pool is not None and len(jobs) > 1:
            # Each event is described from its own articles alone, so the workers can share them out;
            # the main process would otherwise describe a whole run's events while they sit idle.
            events = pool.starmap(_describe_one, jobs, chunksize=max(1, len(jobs) // 16))
        else:
            events = [_describe_one(*job) for job in jobs]
        return events, self._describe_stories(events)

    def _describe_stories(self, events: list[Event]) -> list:
        stories = []
        for sid in sorted({e.story_id for e in events if e.story_id}):
            members = {e.id: e for e in self.store.events(EventQuery(story_id=sid, limit=0))}
            members.update({e.id: e for e in events if e.story_id == sid})
            stories.append(describe_story(sid, list(members.values())))
        return stories
