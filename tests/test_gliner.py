"""The optional GLiNER recogniser (issue 5): chunking and entity mapping without torch, the real
loading code on a tiny random model built offline, and a real model when one is at hand."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsweave.annotate.gliner_ner import GlinerRecognizer, chunks, merge_into, recognizer_from_settings
from newsweave.config import Settings
from newsweave.model import Article, Entity

TEXT = ("Kyriakos Mitsotakis met officials of the World Health Organization in Athens on Monday. "
        "The Islamic State claimed the attack near Kirkuk.\n\n"
        "Nikos Androulakis said the talks were useful. Androulakis left for Patras.")


class FakeGliner:
    """Finds fixed names by string search, like GLiNER's output (offsets into the chunk)."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names
        self.calls: list[str] = []

    def predict_entities(self, text, labels, threshold=0.5):
        self.calls.append(text)
        out = []
        for name, label in self.names.items():
            i = text.find(name)
            while i >= 0:
                if label in labels:
                    out.append({"start": i, "end": i + len(name), "text": name, "label": label, "score": 0.9})
                i = text.find(name, i + 1)
        return out


def test_chunks_keep_offsets_and_cut_after_sentences():
    parts = list(chunks(TEXT, max_words=15))
    assert len(parts) >= 3
    for off, chunk in parts:
        assert TEXT[off: off + len(chunk)] == chunk
        assert len(chunk.split()) <= 15
        assert chunk.rstrip()[-1] in ".!?"  # every cut falls after a sentence here
    assert " ".join(" ".join(c.split()) for _, c in parts) == " ".join(TEXT.split())  # nothing lost


def test_a_sentence_longer_than_a_chunk_is_cut_between_words():
    text = " ".join(f"w{i}" for i in range(45)) + "."
    parts = list(chunks(text, max_words=20))
    assert [len(c.split()) for _, c in parts] == [20, 20, 5]
    assert all(text[o: o + len(c)] == c for o, c in parts)
    assert list(chunks("  \n\n ")) == []


def test_spans_are_mapped_to_entities_keyed_like_annotate():
    fake = FakeGliner({"Kyriakos Mitsotakis": "person", "World Health Organization": "organization",
                       "Islamic State": "armed group", "Nikos Androulakis": "person", "Androulakis": "person",
                       "Athens": "location", "Patras": "location"})
    rec = GlinerRecognizer(predictor=fake, max_words=15)
    spans = rec.spans(TEXT)
    assert len(fake.calls) >= 3  # chunked
    assert all(TEXT[s.start: s.end] == s.text for s in spans)  # offsets back in the whole text
    ents = {e.key: e for e in rec.entities(TEXT, "en")}
    assert ents["alias:who"].type == "org" and ents["alias:isis"].type == "group"  # the alias table
    assert ents["alias:mitsotakis"].type == "person"
    # "Nikos Androulakis" and the bare "Androulakis": one person, keyed as annotate keys him
    andr = ents["lat:andrulak"]
    assert andr.name == "Nikos Androulakis" and andr.count == 3  # the full name also contains "Androulakis"
    assert not any(e.name in ("Athens", "Patras") for e in ents.values())  # places are not entities


def test_augment_adds_new_actors_and_merges_known_ones():
    fake = FakeGliner({"World Health Organization": "organization", "Nikos Androulakis": "person"})
    rec = GlinerRecognizer(predictor=fake)
    a = Article(id="a", title="Talks", text=TEXT, language="en",
                entities=[Entity("WHO", "org", "alias:who", 2, ["WHO"])])
    rec.augment(a)
    keys = [e.key for e in a.entities]
    assert keys == ["alias:who", "lat:andrulak"]
    assert "World Health Organization" in a.entities[0].aliases and a.entities[0].count == 2
    # merging by a shared name when the keys differ
    b = Article(id="b", title="", text="", entities=[Entity("Androulakis", "person", "lat:x", 1, ["Androulakis"])])
    merge_into(b, [Entity("Androulakis", "person", "lat:andrulak", 1, ["Androulakis", "N. Androulakis"])])
    assert len(b.entities) == 1 and "N. Androulakis" in b.entities[0].aliases


def test_off_by_default_and_named_by_the_environment(monkeypatch):
    assert Settings.model_fields["gliner_model"].default == ""
    monkeypatch.delenv("NEWSWEAVE_GLINER_MODEL", raising=False)
    assert recognizer_from_settings(Settings()) is None
    monkeypatch.setenv("NEWSWEAVE_GLINER_MODEL", "/models/gliner")
    rec = recognizer_from_settings(Settings())
    assert rec is not None and rec.model_name == "/models/gliner" and rec._predictor is None  # lazy
    with pytest.raises(ValueError):
        GlinerRecognizer()


def test_importing_the_module_imports_neither_gliner_nor_torch():
    code = ("import sys, newsweave.annotate, newsweave.annotate.gliner_ner; "
            "print(sorted(m for m in ('torch', 'gliner', 'transformers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- the real loading code -------------------------------------------------------------------------------
def _tiny_gliner(root: Path) -> Path:
    """A GLiNER model with a 1-layer, 32-wide BERT backbone and a local WordPiece vocabulary,
    randomly initialised and saved the way hub models are: no network involved."""
    from gliner import GLiNER, GLiNERConfig
    from transformers import BertConfig, BertModel, BertTokenizerFast

    bb = root / "backbone"
    bb.mkdir(parents=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *"abcdefghijklmnopqrstuvwxyz.,",
             *(f"##{c}" for c in "abcdefghijklmnopqrstuvwxyz"), "the", "met", "in", "said", "army"]
    (bb / "vocab.txt").write_text("\n".join(vocab) + "\n", "utf-8")
    BertTokenizerFast(vocab_file=str(bb / "vocab.txt"), do_lower_case=True).save_pretrained(bb)
    BertModel(BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                         intermediate_size=64)).save_pretrained(bb)
    cfg = GLiNERConfig(model_name=str(bb), hidden_size=32, max_width=4, max_len=384, span_mode="markerV0")
    out = root / "gliner-tiny"
    GLiNER.from_config(cfg, backbone_from_pretrained=True, load_tokenizer=True).save_pretrained(out)
    return out


def _need_gliner() -> None:
    """CI installs the extra (scripts/setup-test.sh), so there a missing gliner is a failure, not a skip."""
    try:
        import gliner  # noqa: F401
    except ImportError:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("the [gliner] extra is not installed (scripts/setup-test.sh installs it in CI)")
        pytest.skip("the [gliner] extra is not installed")


def test_real_loading_path_on_a_tiny_local_model(tmp_path, monkeypatch):
    _need_gliner()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    model_dir = _tiny_gliner(tmp_path)
    monkeypatch.setenv("NEWSWEAVE_GLINER_MODEL", str(model_dir))
    rec = recognizer_from_settings(Settings())
    assert rec is not None
    rec.threshold = 0.0  # random weights: every span scores about 0.5; keep them to test the mapping
    text = "Elena Dragomir met the army in Bucharest. " * 3
    spans = rec.spans(text)
    assert spans and all(text[s.start: s.end] == s.text and s.label in rec.labels for s in spans)
    ents = rec.entities(text, "en")
    assert all(e.type in ("person", "org", "group") and e.key.startswith(("lat:", "alias:", "inst:")) for e in ents)


def _real_model() -> str | None:
    name = os.environ.get("NEWSWEAVE_GLINER_MODEL", "")
    if name:
        return name
    hub = Path(os.environ.get("HF_HUB_CACHE") or Path(os.environ.get("HF_HOME", Path.home() / ".cache" /
                                                                     "huggingface")) / "hub")
    for repo in ("urchade/gliner_multi-v2.1", "urchade/gliner_multi_pii-v1", "urchade/gliner_small-v2.1"):
        snaps = hub / f"models--{repo.replace('/', '--')}" / "snapshots"
        if snaps.is_dir() and any(snaps.iterdir()):
            return repo
    return None


def test_a_real_model_finds_people_organisations_and_groups(monkeypatch):
    pytest.importorskip("gliner", reason="the [gliner] extra is not installed")
    name = _real_model()
    if name is None:
        pytest.skip("no GLiNER model: set NEWSWEAVE_GLINER_MODEL to a hub name or directory, or put "
                    "urchade/gliner_multi-v2.1 in the Hugging Face cache")
    if not Path(name).is_dir() and "NEWSWEAVE_GLINER_MODEL" not in os.environ:
        monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # found in the cache: never the network
    rec = GlinerRecognizer(name)
    ents = rec.entities("Nikos Androulakis met officials of the World Health Organization in Athens. "
                        "Fighters of the Islamic State attacked an army post near Kirkuk.", "en")
    keys = {e.key: e.type for e in ents}
    assert keys.get("lat:andrulak") == "person", keys
    assert "alias:who" in keys and keys.get("alias:isis") == "group", keys
    assert not any(e.name in ("Athens", "Kirkuk") for e in ents), keys


def test_annotate_uses_the_configured_recogniser(monkeypatch):
    """Setting NEWSWEAVE_GLINER_MODEL turns it on inside annotate (ingest and similarity alike)."""
    from newsweave.annotate import annotate, gliner_ner
    from newsweave.config import get_settings

    # a name in lower case (as in scraped captions and tags): capitalisation-based recognition misses it
    text = "Talks were held on Monday. The envoy zorbalin kestrova said the talks were useful."
    plain = annotate(Article(id="p", title="Talks", text=text, language="en"))
    assert not any("kestrova" in e.name.casefold() for e in plain.entities), plain.entities
    monkeypatch.setenv("NEWSWEAVE_GLINER_MODEL", "fake-model")
    get_settings.cache_clear()  # settings are read once per process
    monkeypatch.setitem(gliner_ner._LOADED, "fake-model",
                        GlinerRecognizer(predictor=FakeGliner({"zorbalin kestrova": "person"})))
    a = annotate(Article(id="a", title="Talks", text=text, language="en"))
    assert any(e.name == "zorbalin kestrova" and e.type == "person" for e in a.entities), a.entities
