"""Sports bodies, regional blocs, UN bodies and missions, armed groups, space agencies and companies added to
the alias table (issue 5). Every sentence is invented for these tests; Varnesta is a made-up place."""

from __future__ import annotations

import pytest

from newsweave.annotate.entities import extract_entities
from newsweave.annotate.entities.aliases import ALIAS_FILE


def _keys(text: str, lang: str) -> set[str]:
    return {e.key for e in extract_entities(text, lang)}


@pytest.mark.parametrize(
    ("text", "lang", "key"),
    [
        # Arabic: the long form the press uses and the short transliteration
        ("أعلن الاتحاد الدولي لكرة القدم أن البطولة ستقام في فارنستا.", "ar", "alias:fifa"),
        ("وقالت فيفا إن الملعب في فارنستا جاهز.", "ar", "alias:fifa"),
        ("وقالت وكالة الطاقة الدولية إن الطلب على النفط في فارنستا سيرتفع.", "ar", "alias:iea"),
        ("عقدت رابطة دول جنوب شرق آسيا اجتماعا في فارنستا.", "ar", "alias:asean"),
        ("قالت جماعة نصرة الإسلام والمسلمين إنها هاجمت قافلة قرب فارنستا.", "ar", "alias:jnim"),
        ("أطلقت ناسا مسبارا جديدا من فارنستا.", "ar", "alias:nasa"),
        ("افتتحت تويوتا مصنعا جديدا في فارنستا.", "ar", "alias:toyota"),
        ("دعا مجلس التعاون الخليجي إلى التهدئة في فارنستا.", "ar", "alias:gcc"),
        # Greek (case forms come from the loader)
        ("Η ΦΙΦΑ ανακοίνωσε νέο τουρνουά στη Βαρνέστα.", "el", "alias:fifa"),
        ("Η Ρενό ανοίγει εργοστάσιο στη Βαρνέστα.", "el", "alias:renault"),
        ("Εκπρόσωπος της Διεθνούς Ολυμπιακής Επιτροπής επισκέφθηκε τη Βαρνέστα.", "el", "alias:ioc"),
        ("Η UNFICYP περιπολεί στη νεκρή ζώνη κοντά στη Βαρνέστα.", "el", "alias:unficyp"),
        ("Ο Διεθνής Οργανισμός Ενέργειας προβλέπει άνοδο της ζήτησης.", "el", "alias:iea"),
        # Italian
        ("Il Cio ha deciso che i Giochi torneranno a Varnesta, ha detto il CIO.", "it", "alias:ioc"),
        ("L'Organizzazione internazionale del lavoro ha pubblicato un rapporto su Varnesta.", "it", "alias:ilo"),
        ("La Formula 1 correrà a Varnesta il prossimo anno.", "it", "alias:formula_1"),
        ("Il Cern ha acceso un nuovo acceleratore vicino a Varnesta.", "it", "alias:cern"),
        # other languages
        ("ECOWAS leaders met in Varnesta on Monday.", "en", "alias:ecowas"),
        ("The Commonwealth of Independent States met in Varnesta.", "en", "alias:cis"),
        ("UN Women said the shelters in Varnesta were full.", "en", "alias:un_women"),
        ("Islamic State West Africa Province fighters attacked a base near Varnesta.", "en", "alias:iswap"),
        ("Le GIEC publie un rapport sur les glaciers de Varnesta.", "fr", "alias:ipcc"),
        ("La CEDEAO a suspendu Varnesta de ses instances.", "fr", "alias:ecowas"),
        ("Der Weltklimarat warnt vor Dürre in Varnesta.", "de", "alias:ipcc"),
        ("El ELN liberó a dos rehenes cerca de Varnesta.", "es", "alias:eln"),
        ("Роскосмос запустил спутник с космодрома Варнеста.", "ru", "alias:roscosmos"),
        ("МОК отстранил спортсменов Варнесты.", "ru", "alias:ioc"),
        ("Körfez İşbirliği Konseyi Varnesta için toplandı.", "tr", "alias:gcc"),
        ("Eksperci Międzynarodowej Agencji Energetycznej odwiedzili Varnestę.", "pl", "alias:iea"),
        ("Przedstawiciele Toyoty otworzyli fabrykę w Varneście.", "pl", "alias:toyota"),
    ],
)
def test_new_alias_rows_match(text: str, lang: str, key: str) -> None:
    assert key in _keys(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "key"),
    [
        ("Zara è una città della Dalmazia, a sud di Varnesta.", "it", "alias:zara"),  # Zadar, not the shop
        ("La Moderna storia di Varnesta è breve.", "it", "alias:moderna"),  # "modern"
        ("Doug Ford said Varnesta would answer the tariffs.", "en", "alias:ford"),  # a person, not the carmaker
        ("قالت بي بي سي إن الاجتماع في فارنستا انتهى.", "ar", "alias:bp"),  # BBC, not BP
        ("Ciò significa che il piano di Varnesta è fallito.", "it", "alias:ioc"),  # «Ciò», not «CIO»
        ("Commonwealth Bank shares fell in Varnesta.", "en", "alias:commonwealth"),  # the bank has its own row
    ],
)
def test_ambiguous_forms_were_left_out(text: str, lang: str, key: str) -> None:
    assert key not in _keys(text, lang)


def test_every_row_has_the_header_columns() -> None:
    lines = [ln.rstrip("\n") for ln in ALIAS_FILE.read_text(encoding="utf-8").splitlines() if ln.strip()]
    rows = [ln for ln in lines if not ln.startswith("#")]
    width = len(rows[0].split("\t"))
    assert [r.split("\t", 1)[0] for r in rows if len(r.split("\t")) != width] == []
    keys = [r.split("\t", 1)[0] for r in rows[1:]]
    assert len(keys) == len(set(keys))
