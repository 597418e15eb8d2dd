"""The describe stage: when, where, who, title, summary, category, growth, stories (issue 5)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from newsweave.describe import CATEGORIES, describe_event, describe_story
from newsweave.describe.category import LANGUAGES, categorize_scores, lexicons, score_text
from newsweave.describe.growth import breaking
from newsweave.describe.text import numbers_in, sentences, translit
from newsweave.model import Article, DateMention, Entity, Event, NumberMention, Place

T0 = dt.datetime(2026, 3, 9, 8, tzinfo=dt.UTC)
PATRAS = Place("Patras", "GR", 38.24, 21.73, 255683, "city")
GREECE = Place("Greece", "GR", 39.0, 22.0, 390903, "country")
ATHENS = Place("Athens", "GR", 37.98, 23.72, 264371, "city")
ISTANBUL = Place("Istanbul", "TR", 41.0, 28.9, 745044, "city")


def art(i, title="t", text="", lang="en", hours=0.0, **kw) -> Article:
    return Article(id=f"a{i}", title=title, text=text, language=lang, published=T0 + dt.timedelta(hours=hours),
                   seq=i, **kw)


def vec(*xs: float) -> np.ndarray:
    v = np.asarray(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


# --- text helpers ------------------------------------------------------------------------
def test_text_helpers():
    assert sentences("Dr. Ruiz spoke. Then 3.5 million left!\nAm 12. März kam es zu Protesten.") == [
        "Dr. Ruiz spoke.", "Then 3.5 million left!", "Am 12. März kam es zu Protesten."]
    assert translit("Σεισμός στην Πάτρα") == "seismos stin patra"
    assert translit("Москва") == "moskva"
    assert numbers_in("41 νεκροί, 1.200 τραυματίες") == {"41", "1200"}


# --- when ----------------------------------------------------------------------------------
def test_date_is_the_event_day_not_the_report_day():
    d = dt.date(2026, 3, 6)
    arts = [art(i, event_date=d, hours=24 + i) for i in range(3)]
    arts.append(art(9, event_date=dt.date(2026, 3, 8), hours=30))
    assert describe_event("e", arts).date == d


def test_date_ignores_outliers_far_from_the_median():
    d = dt.date(2026, 3, 6)
    arts = [art(i, event_date=d) for i in range(2)] + [art(5, event_date=dt.date(2025, 11, 3))]
    arts += [art(6, event_date=dt.date(2026, 1, 1))]
    assert describe_event("e", arts).date == d


def test_date_weights_central_articles_and_ties_go_to_the_earliest_day():
    a = art(1, event_date=dt.date(2026, 3, 6), vector=vec(1, 0.1))
    b = art(2, event_date=dt.date(2026, 3, 7), vector=vec(1, 0.0))
    c = art(3, event_date=dt.date(2026, 3, 7), vector=vec(0, 1))  # off-topic member, little weight
    assert describe_event("e", [a, b]).date == dt.date(2026, 3, 6)  # tie: earliest
    assert describe_event("e", [a, b, c]).date == dt.date(2026, 3, 7)


def test_date_falls_back_to_publication_then_to_written_dates():
    assert describe_event("e", [art(1, hours=2)]).date == T0.date()
    undated = Article(id="u", title="Fire", text="On 4 March 2026 a fire ...",
                      dates=[DateMention("4 March 2026", dt.date(2026, 3, 4), False, 3)])
    assert describe_event("e", [undated]).date == dt.date(2026, 3, 4)
    assert describe_event("e", [Article(id="x", title="t", text="")]).date is None


# --- where ---------------------------------------------------------------------------------
def test_location_city_beats_its_country_and_agrees_across_languages():
    el = art(1, "Σεισμός στην Πάτρα", "Ισχυρός σεισμός στην Πάτρα.", "el",
             places=[Place("Patras", "GR", 38.24, 21.73, 255683, "city", 2, "Πάτρα"), GREECE])
    en = art(2, "Quake hits Greece", "A strong quake hit Patras, Greece, on Monday.",
             places=[Place("Patras", "GR", 38.24, 21.73, 255683, "city", 1, "Patras"),
                     Place("Greece", "GR", 39.0, 22.0, 390903, "country", 2, "Greece")])
    loc = describe_event("e", [el, en]).location
    assert loc.geonames_id == 255683 and loc.count == 2


def test_location_capital_in_passing_does_not_beat_the_country():
    arts = [
        art(i, "Turkey holds a referendum", "Voters across Turkey cast ballots. Results are expected in Ankara later.",
            places=[Place("Turkey", "TR", 39, 35, 298795, "country", 3, "Turkey"),
                    Place("Ankara", "TR", 39.9, 32.8, 323786, "city", 1, "Ankara")])
        for i in range(3)
    ]
    assert describe_event("e", arts).location.geonames_id == 298795


def test_location_title_mentions_weigh_more_than_body_mentions():
    a = art(1, "Fire in Patras", "Firefighters from Athens and Athens suburbs helped in Patras.",
            places=[Place("Patras", "GR", 38.24, 21.73, 255683, "city", 2, "Patras"),
                    Place("Athens", "GR", 37.98, 23.72, 264371, "city", 2, "Athens")])
    assert describe_event("e", [a]).location.name == "Patras"
    assert describe_event("e", [art(1)]).location is None


# --- who -----------------------------------------------------------------------------------
def test_entities_merge_by_key_and_alias_ranked_by_document_frequency():
    isis_en = Entity("ISIS", "group", "alias:isis", 3, ["Islamic State"])
    isis_ar = Entity("داعش", "group", "alias:daesh", 1, ["Daesh", "ISIS"])
    army = Entity("Iraqi Army", "org", "lat:iraqi army", 1)
    pm = Entity("Μητσοτάκης", "person", "lat:mitsotakis", 1, ["Mitsotakis"])
    arts = [
        art(1, "ISIS attack near Kirkuk", entities=[isis_en, army]),
        art(2, "هجوم لداعش", lang="ar", entities=[isis_ar]),
        art(3, "Attack", entities=[isis_en, Entity("Mitsotakis", "person", "lat:mitsotakis")]),
        art(4, "Επίθεση", lang="el", entities=[pm]),
    ]
    ents = describe_event("e", arts).entities
    assert [(e.name, e.count, e.type) for e in ents[:2]] == [("ISIS", 3, "group"), ("Mitsotakis", 2, "person")]
    assert {"Daesh", "داعش", "Islamic State"} <= set(ents[0].aliases)
    assert ents[2].name == "Iraqi Army" and ents[2].type == "org"


def test_people_sharing_a_surname_stay_apart_and_bare_surnames_join_the_one_full_name():
    # annotate keys people found by statistics on the surname: one entity for two Dragomirs
    both = Entity("Mihai Dragomir", "person", "lat:dragomir", 3, ["Mihai Dragomir", "Elena Dragomir", "Dragomir"])
    elena_el = Entity("Έλενα Ντραγκομίρ", "person", "lat:dragomir", 2, ["Έλενα Ντραγκομίρ", "Ντραγκομίρ"])
    bare_ro = Entity("Dragomir", "person", "lat:dragomir", 1, ["Dragomir"])
    ents = describe_event("e", [art(1, entities=[both]), art(2, lang="el", entities=[elena_el]),
                                art(3, lang="ro", entities=[bare_ro])]).entities
    by_name = {e.name: e for e in ents}
    assert by_name["Elena Dragomir"].count == 2 and "Έλενα Ντραγκομίρ" in by_name["Elena Dragomir"].aliases
    assert by_name["Elena Dragomir"].key == "lat:elen dragomir"
    assert by_name["Mihai Dragomir"].count == 1 and "Elena Dragomir" not in by_name["Mihai Dragomir"].aliases
    # articles 1 and 3 write "Dragomir" alone: two Dragomirs in the event, so it goes to neither
    assert by_name["Dragomir"].count == 2 and by_name["Dragomir"].key == "lat:dragomir"
    for e in ents:
        assert not {"Mihai Dragomir", "Elena Dragomir"} <= set(e.aliases)
    # with one full name in the event, the bare surname (any script) is that person
    ents = describe_event("e", [art(2, lang="el", entities=[elena_el]), art(3, lang="ro", entities=[bare_ro])]).entities
    assert [(e.name, e.count, e.key) for e in ents] == [("Έλενα Ντραγκομίρ", 2, "lat:elen dragomir")]
    # annotate types a bare "Dragomir said ..." misc at times: it still joins the one Dragomir named in full
    misc = Entity("Dragomir", "misc", "lat:dragomir", 1, ["Dragomir"])
    ents = describe_event("e", [art(2, lang="el", entities=[elena_el]), art(3, entities=[misc])]).entities
    assert [(e.count, e.type, e.key) for e in ents] == [(2, "person", "lat:elen dragomir")]


def test_people_merge_across_scripts_by_name_skeleton_and_hard_negatives_stay_apart():
    # invented names: the same person in Latin, Arabic and Greek script is one actor
    yusuf = [Entity("Youssef al-Masri", "person", "lat:masri", 2, ["Youssef al-Masri", "al-Masri"]),
             Entity("يوسف المصري", "person", "lat:iusf almsri", 1, ["يوسف المصري"]),
             Entity("Γιουσέφ αλ-Μασρί", "person", "lat:masr", 1, ["Γιουσέφ αλ-Μασρί"])]
    ents = describe_event("e", [art(1, entities=[yusuf[0]]), art(2, lang="ar", entities=[yusuf[1]]),
                                art(3, lang="el", entities=[yusuf[2]])]).entities
    assert [(e.name, e.count) for e in ents] == [("Youssef al-Masri", 3)]
    # different people whose consonants alone would meet: Mohammed/Mahmoud, Ahmed/Hamid, Hassan/Hussein
    for latin, arabic in (("Mohammed Ali", "محمود علي"), ("Mahmoud Ali", "محمد علي"), ("Ahmed Nour", "حامد نور"),
                          ("Hamid Nour", "أحمد نور"), ("Hassan Zaki", "حسين زكي"), ("Hussein Zaki", "حسن زكي")):
        ents = describe_event("e", [art(1, entities=[Entity(latin, "person", "lat:x")]),
                                    art(2, lang="ar", entities=[Entity(arabic, "person", "lat:y")])]).entities
        assert len(ents) == 2, (latin, arabic)
    # within one script the tolerant rule is not used: two Latin spellings stay two people
    ents = describe_event("e", [art(1, entities=[Entity("Mohammed Ali", "person", "lat:ali")]),
                                art(2, entities=[Entity("Mahmud Ali", "person", "lat:al")])]).entities
    assert len(ents) == 2


def test_bench_actor_matching_across_scripts():
    bench = _bench()
    assert bench.actor_found("Youssef al-Masri", [Entity("يوسف المصري", "person", "lat:iusf almsri")])
    assert bench.actor_found("Ioana Ciobotaru", [Entity("Ιωάνα Τσιομποτάρου", "person", "lat:tsiobotar")])
    assert not bench.actor_found("Mahmoud Ali", [Entity("محمد علي", "person", "lat:mhmd ali")])
    assert not bench.actor_found("Ahmed Nour", [Entity("حامد نور", "person", "lat:hamd nur")])


def test_people_sharing_a_surname_through_real_annotation():
    from newsweave.annotate.entities import extract_entities

    text = "Nikos Androulakis met Giorgos Androulakis in Athens on Monday. Androulakis said no."
    ents = describe_event("e", [art(1, text=text, entities=extract_entities(text, "en"))]).entities
    people = {e.name for e in ents if e.type == "person"}
    assert {"Nikos Androulakis", "Giorgos Androulakis"} <= people


# --- title -----------------------------------------------------------------------------------
def _trio():
    return [
        art(1, "Floods hit Patras", vector=vec(1, -0.2, 0)),
        art(2, "Πλημμύρες στην Πάτρα", lang="el", vector=vec(1, 0.05, 0)),
        art(3, "Patras under water after storm", vector=vec(1, 0.05, 0.05)),
        art(4, "Inundații la Patras", lang="ro", vector=vec(0.3, 1, 0)),
    ]


def test_title_is_the_most_central_headline_in_the_language_asked():
    ev = describe_event("e", _trio())
    assert ev.title == "Patras under water after storm"  # dominant language: en
    assert describe_event("e", _trio(), lang="el").title == "Πλημμύρες στην Πάτρα"
    assert describe_event("e", _trio(), lang="fr").title == ev.title  # no French article
    assert ev.titles == {"en": "Patras under water after storm", "el": "Πλημμύρες στην Πάτρα",
                         "ro": "Inundații la Patras"}


def test_title_without_vectors_uses_term_overlap():
    arts = [
        art(1, "Floods in Patras", "Floods hit Patras. Rescue teams evacuated residents of Patras."),
        art(2, "Weather", "A sunny weekend is expected across the country."),
        art(3, "Patras floods: residents evacuated", "Rescue teams evacuated residents as floods hit Patras."),
    ]
    assert describe_event("e", arts).title in {"Floods in Patras", "Patras floods: residents evacuated"}


# --- summary and key numbers ------------------------------------------------------------------
QUAKE_EN = (
    "A magnitude 5.9 earthquake struck off Heraklion, Crete, early on Monday. "
    "Seven people were lightly injured and several old buildings were damaged. "
    "The quake was felt across Crete and as far as Santorini. "
    "Schools in Heraklion will stay closed on Tuesday while engineers inspect them."
)
QUAKE_EN2 = (
    "An earthquake of magnitude 5.9 hit near Heraklion on Monday morning, officials said. "
    "Seven people suffered light injuries, according to the fire service. "
    "The Geodynamic Institute recorded more than 20 aftershocks within hours."
)
QUAKE_EL = (
    "Σεισμός 5,9 Ρίχτερ σημειώθηκε ανοιχτά του Ηρακλείου τα ξημερώματα της Δευτέρας. "
    "Επτά άνθρωποι τραυματίστηκαν ελαφρά και ζημιές υπέστησαν παλιά κτίρια. "
    "Πάνω από 20 μετασεισμοί καταγράφηκαν μέσα σε λίγες ώρες."
)


def test_summary_extractive_two_to_four_sentences_no_repeated_fact():
    arts = [art(1, "Earthquake off Crete", QUAKE_EN, vector=vec(1, 0.1)),
            art(2, "Quake near Heraklion", QUAKE_EN2, vector=vec(1, 0.0)),
            art(3, "Σεισμός στην Κρήτη", QUAKE_EL, "el", vector=vec(1, 0.05))]
    s = describe_event("e", arts).summary
    picked = [x for x in sentences(QUAKE_EN + " " + QUAKE_EN2) if x in s]
    assert 2 <= len(picked) <= 4 and len(s) == len(" ".join(picked))
    assert sum("5.9" in x for x in picked) == 1  # the magnitude is told once
    assert "Σεισμός" not in s  # in the title's language (en dominant)
    el = describe_event("e", arts, lang="el").summary
    assert el.startswith("Σεισμός 5,9 Ρίχτερ") and "Heraklion" not in el


def test_summary_single_article_and_empty():
    one = describe_event("e", [art(1, "Earthquake off Crete", QUAKE_EN)]).summary
    assert one.startswith("A magnitude 5.9 earthquake") and 2 <= len(sentences(one)) <= 4
    assert describe_event("e", [art(1, "Only a title")]).summary == ""


def test_key_numbers_deduplicated_most_repeated_first():
    n7 = NumberMention(7, "seven", "Seven people were injured.")
    n7el = NumberMention(7, "επτά", "Επτά άνθρωποι τραυματίστηκαν.")
    n20 = NumberMention(20, "20", "More than 20 aftershocks.")
    year = NumberMention(2026, "2026", "In 2026.")
    arts = [art(1, "a", numbers=[n20, n7, year]), art(2, "b", numbers=[n7]), art(3, "c", lang="el", numbers=[n7el])]
    nums = describe_event("e", arts).key_numbers
    assert [n.value for n in nums] == [7, 20]
    assert nums[0].sentence == "Seven people were injured."
    assert describe_event("e", arts, lang="el").key_numbers[0].sentence == "Επτά άνθρωποι τραυματίστηκαν."


# --- category ----------------------------------------------------------------------------------
HEADLINES = {
    "en": ["Airstrikes hit rebel positions as army launches offensive",
           "Opposition wins parliamentary election, coalition talks begin",
           "Floods force thousands to evacuate after torrential rain",
           "Police arrest two suspects over jewellery store robbery",
           "Central bank raises interest rates as inflation climbs",
           "Measles outbreak: health officials urge parents to vaccinate children",
           "Striker scores twice as champions win the league title",
           "Film festival opens with premiere of new documentary",
           "Scientists use telescope to find water on distant planet"],
    "el": ["Αεροπορικές επιδρομές και βομβαρδισμοί στη Γάζα, ο στρατός προελαύνει",
           "Εκλογές: Η αντιπολίτευση ζητά πρόωρη κάλπη μετά τη δημοσκόπηση",
           "Πλημμύρες στη Θεσσαλία: εκκένωση χωριών λόγω κακοκαιρίας",
           "Συνελήφθη ύποπτος για τη ληστεία σε κοσμηματοπωλείο",
           "Ο πληθωρισμός υποχωρεί, η Τράπεζα της Ελλάδος βλέπει ανάπτυξη της οικονομίας",
           "Κρούσματα ιλαράς: ο ΕΟΔΥ συστήνει εμβολιασμό",
           "Ο Ολυμπιακός κέρδισε με δύο γκολ και πλησιάζει το πρωτάθλημα",
           "Φεστιβάλ Κινηματογράφου Θεσσαλονίκης: πρεμιέρα για τη νέα ταινία",
           "Έλληνες επιστήμονες ανακάλυψαν νέο πλανήτη με τηλεσκόπιο"],
    "ro": ["Armata rusă a lansat rachete și drone asupra Kievului",
           "Alegeri parlamentare: coaliția de guvernare pierde majoritatea",
           "Inundații în Moldova: sute de persoane evacuate după ploile torențiale",
           "Doi suspecți arestați după jaful de la o bijuterie din Cluj",
           "BNR menține dobânda cheie, inflația scade la 5%",
           "Epidemie de rujeolă: Ministerul Sănătății cere vaccinarea copiilor",
           "FCSB a câștigat meciul cu două goluri și e lider în campionat",
           "Festivalul de film TIFF se deschide cu un concert în aer liber",
           "Cercetători români au dezvoltat un robot bazat pe inteligența artificială"],
    "ar": ["غارات جوية وقصف مدفعي على مواقع المسلحين والجيش يتقدم",
           "المعارضة تفوز في الانتخابات البرلمانية ومفاوضات لتشكيل ائتلاف",
           "فيضانات وسيول تجتاح المدينة وإجلاء آلاف السكان",
           "القبض على مشتبه بهما في سرقة محل مجوهرات",
           "البنك المركزي يرفع أسعار الفائدة مع ارتفاع التضخم",
           "وزارة الصحة تعلن تفشي الحصبة وتدعو إلى التطعيم",
           "المنتخب يفوز في مباراة بطولة كأس العالم",
           "افتتاح مهرجان السينما بعرض فيلم جديد",
           "علماء يكتشفون كوكبا جديدا بواسطة تلسكوب فضائي"],
    "fr": ["Frappes aériennes et bombardements : l'armée lance une offensive contre les rebelles",
           "Élections législatives : l'opposition en tête des sondages",
           "Inondations dans le Gard : des centaines d'habitants évacués après les pluies",
           "Deux suspects interpellés après le braquage d'une bijouterie",
           "La BCE relève ses taux face à l'inflation",
           "Épidémie de rougeole : les autorités sanitaires appellent à la vaccination",
           "Le PSG remporte le championnat après une victoire 3-0",
           "Le festival de Cannes s'ouvre avec un film d'animation",
           "Des chercheurs découvrent une exoplanète grâce au télescope James Webb"],
    "de": ["Luftangriffe und Beschuss: Armee startet Offensive gegen Rebellen",
           "Bundestagswahl: Opposition liegt in Umfragen vorn",
           "Hochwasser in Bayern: Hunderte Menschen evakuiert",
           "Zwei Verdächtige nach Raubüberfall auf Juweliergeschäft festgenommen",
           "EZB erhöht die Zinsen wegen hoher Inflation",
           "Masern-Ausbruch: Gesundheitsamt ruft zur Impfung auf",
           "Bayern gewinnt die Meisterschaft nach einem Sieg in der Bundesliga",
           "Berlinale eröffnet mit der Premiere eines neuen Films",
           "Forscher entdecken mit Teleskop einen neuen Planeten"],
    "es": ["Bombardeos y ataques aéreos: el ejército lanza una ofensiva contra los rebeldes",
           "Elecciones generales: la oposición lidera las encuestas",
           "Inundaciones en Valencia: cientos de vecinos evacuados por la DANA",
           "Detenidos dos sospechosos por el robo de una joyería",
           "El BCE sube los tipos de interés ante la inflación",
           "Brote de sarampión: Sanidad pide vacunar a los niños",
           "El Real Madrid gana la Liga con un gol en el último minuto",
           "El festival de cine de San Sebastián abre con el estreno de una película",
           "Científicos descubren un nuevo planeta con un telescopio espacial"],
    "it": ["Raid aerei e bombardamenti: l'esercito lancia un'offensiva contro i ribelli",
           "Elezioni politiche: l'opposizione in testa nei sondaggi",
           "Alluvione in Emilia-Romagna: migliaia di sfollati dopo le piogge",
           "Arrestati due sospettati per la rapina in gioielleria",
           "La Bce alza i tassi per frenare l'inflazione",
           "Focolaio di morbillo, le autorità sanitarie raccomandano il vaccino",
           "La Juventus vince il campionato con un gol al novantesimo",
           "Il festival del cinema di Venezia si apre con la prima di un nuovo film",
           "Ricercatori scoprono un nuovo pianeta con il telescopio spaziale"],
    "pt": ["Bombardeamentos e ataques aéreos: o exército lança ofensiva contra os rebeldes",
           "Eleições legislativas: oposição lidera as sondagens",
           "Inundações no Rio Grande do Sul: milhares de desalojados após as chuvas",
           "Polícia prende dois suspeitos do assalto a uma joalharia",
           "Banco Central sobe os juros para conter a inflação",
           "Surto de sarampo: autoridades de saúde pedem vacinação das crianças",
           "O Benfica vence o campeonato com um golo nos descontos",
           "Festival de cinema abre com a estreia de um novo filme",
           "Cientistas descobrem novo planeta com telescópio espacial"],
    "ru": ["Авиаудары и обстрелы: армия начала наступление на позиции боевиков",
           "Выборы в Госдуму: оппозиция лидирует в опросах",
           "Наводнение в Оренбурге: тысячи жителей эвакуированы",
           "Двое подозреваемых задержаны по делу об ограблении ювелирного магазина",
           "ЦБ повысил ключевую ставку из-за роста инфляции",
           "Вспышка кори: Минздрав призывает к вакцинации детей",
           "«Зенит» выиграл чемпионат, забив гол на последней минуте",
           "Московский кинофестиваль открылся показом нового фильма",
           "Учёные обнаружили новую планету с помощью телескопа"],
    "tr": ["Hava saldırıları ve topçu atışları: ordu teröristlere karşı operasyon başlattı",
           "Seçim anketleri: muhalefet adayı önde",
           "Sel felaketi: binlerce kişi tahliye edildi",
           "Kuyumcu soygununa ilişkin iki şüpheli gözaltına alındı",
           "Merkez Bankası enflasyonla mücadele için faizi artırdı",
           "Kızamık salgını: Sağlık Bakanlığı aşı çağrısı yaptı",
           "Galatasaray son dakika golüyle şampiyonluğa ulaştı",
           "İstanbul Film Festivali yeni bir filmin galasıyla açıldı",
           "Bilim insanları teleskopla yeni bir gezegen keşfetti"],
    "pl": ["Naloty i ostrzał artyleryjski: wojsko rozpoczęło ofensywę przeciw rebeliantom",
           "Wybory parlamentarne: opozycja prowadzi w sondażach",
           "Powódź na Dolnym Śląsku: tysiące osób ewakuowanych",
           "Policja zatrzymała dwóch podejrzanych o napad na jubilera",
           "NBP podnosi stopy procentowe z powodu rosnącej inflacji",
           "Epidemia odry: Ministerstwo Zdrowia apeluje o szczepienia",
           "Legia wygrała mecz i zdobyła mistrzostwo Polski",
           "Festiwal filmowy w Gdyni otworzyła premiera nowego filmu",
           "Naukowcy odkryli nową planetę za pomocą teleskopu"],
}


def test_every_language_has_a_lexicon_for_every_category():
    lex = lexicons()
    for lang in LANGUAGES:
        cats = set()
        for table in (lex[lang].exact, lex[lang].prefix):
            for entry in table.values():
                cats |= set(entry)
        assert cats == set(CATEGORIES) - {"other"}, lang


@pytest.mark.parametrize("lang", sorted(HEADLINES))
def test_category_per_language(lang):
    got = [categorize_scores([(score_text(h, "", lang), 1.0)]) for h in HEADLINES[lang]]
    assert got == [c for c in CATEGORIES if c != "other"]


def test_category_unknown_language_reads_every_lexicon_and_groups_mean_conflict():
    assert categorize_scores([(score_text("Σεισμός στην Κρήτη", "", None), 1.0)]) == "disaster"
    assert describe_event("e", [art(1, "A quiet day", "Nothing happened.")]).category == "other"
    group = Entity("RSF", "group", "alias:rsf")
    assert describe_event("e", [art(1, "RSF statement", "The RSF said...", entities=[group])]).category == "conflict"


def test_category_event_votes_by_article():
    arts = [art(1, "Earthquake in Crete", "Buildings damaged by the earthquake."),
            art(2, "Σεισμός στην Κρήτη", "Ζημιές από τον σεισμό.", "el"),
            art(3, "Minister visits Crete", "The minister met the mayor after the quake.")]
    assert describe_event("e", arts).category == "disaster"


# --- growth -------------------------------------------------------------------------------------
def test_breaking_one_article_is_not_breaking_and_bursts_are():
    assert breaking([art(1)]) == 0.0
    assert breaking([Article(id="x", title="", text="")]) == 0.0
    burst = [art(i, hours=i * 0.5) for i in range(8)]
    steady = [art(i, hours=i * 12.0) for i in range(8)]  # the same size, over four days
    late_burst = steady + [art(20 + i, hours=84 + i * 0.3) for i in range(6)]
    assert breaking(burst) > 3 > breaking(steady)
    assert breaking(late_burst) > 2
    # the formula: 8 articles in 3.5 h, no earlier ones: mu = 6/24, (8 - 1 - .25) / sqrt(1.25)
    assert breaking(burst) == pytest.approx((8 - 1 - 0.25) / 1.25 ** 0.5, abs=1e-3)
    copies = [art(i, hours=i * 0.5, duplicate_of="a0" if i else None) for i in range(8)]
    assert breaking(copies) < breaking(burst)
    assert describe_event("e", burst).breaking == breaking(burst)


# --- stories ----------------------------------------------------------------------------------------
def test_story_orders_events_and_titles_by_the_most_representative():
    unions = Entity("Sanitas", "org", "alias:sanitas")
    ev1 = Event("e1", "Strike in Bucharest", date=dt.date(2026, 3, 4), location=Place(
        "Bucharest", "RO", 44.4, 26.1, 683506), entities=[unions], article_ids=["a", "b", "c"],
        first_seen=T0, last_seen=T0)
    ev2 = Event("e2", "March in Cluj", date=dt.date(2026, 3, 18), location=Place(
        "Cluj-Napoca", "RO", 46.8, 23.6, 681290), entities=[unions], article_ids=["d", "e"],
        first_seen=T0 + dt.timedelta(days=14), last_seen=T0 + dt.timedelta(days=14))
    side = Event("e3", "Minister comments", date=dt.date(2026, 3, 10), article_ids=["f"],
                 first_seen=T0 + dt.timedelta(days=6), last_seen=T0 + dt.timedelta(days=6))
    s = describe_story("st", [ev2, side, ev1])
    assert s.event_ids == ["e1", "e3", "e2"] and s.title == "Strike in Bucharest"
    assert s.first_seen == T0 and s.last_seen == T0 + dt.timedelta(days=14)
    assert describe_story("st", []).event_ids == []


# --- the whole thing ---------------------------------------------------------------------------------
def test_describe_event_fills_every_field_and_handles_copies():
    arts = [art(1, "Earthquake off Crete", QUAKE_EN, places=[PATRAS], event_date=dt.date(2026, 3, 9)),
            art(2, "Earthquake off Crete", QUAKE_EN, places=[PATRAS], duplicate_of="a1", hours=1),
            art(3, "Σεισμός στην Κρήτη", QUAKE_EL, "el", places=[PATRAS], hours=2)]
    ev = describe_event("e", arts, story_id="st")
    assert ev.article_ids == ["a1", "a2", "a3"] and ev.languages == ["en", "el"] and ev.story_id == "st"
    assert ev.first_seen == T0 and ev.last_seen == T0 + dt.timedelta(hours=2)
    assert ev.category == "disaster" and ev.location.name == "Patras" and ev.date == dt.date(2026, 3, 9)
    assert describe_event("e", []).title == ""


def test_describe_is_fast_without_the_encoder():
    texts = [QUAKE_EN, QUAKE_EN2, QUAKE_EL]
    arts = [art(i, f"Earthquake {i} off Crete", texts[i % 3] * 3, "el" if i % 3 == 2 else "en",
                hours=i, places=[PATRAS, GREECE], vector=vec(1, i / 20, 0.1),
                entities=[Entity("Civil Protection", "org", "alias:civil protection")],
                numbers=[NumberMention(5.9, "5.9", "A magnitude 5.9 earthquake.")])
            for i in range(20)]
    describe_event("e", arts)  # cold once
    t = time.perf_counter()
    for _ in range(10):
        describe_event("e", arts)
    assert (time.perf_counter() - t) / 10 < 0.02  # the budget is 5 ms; bench/bench_describe.py measures it


# --- measured on the labelled demo corpus -----------------------------------------------------------------
def _bench():
    path = Path(__file__).resolve().parent.parent / "bench" / "bench_describe.py"
    spec = importlib.util.spec_from_file_location("bench_describe", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_describe"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def demo_eval():
    bench = _bench()
    arts, gold, label = bench.prepare("lexical")
    return bench.evaluate(arts, gold, label)


# A regression guard one event below what the stack reaches today on the 13 demo events
# (13/13 dates, 12/13 places, 13/13 categories, every gold actor; see bench/out/bench_describe.md).
FLOOR = {"date": 12 / 13, "location": 11 / 13, "category": 0.85, "actors": 0.80}
# The aims.
AIM = {"date": 0.95, "location": 0.90, "category": 0.85, "actors": 0.85}


def test_demo_corpus_event_descriptions_hold_the_floor(demo_eval):
    events, _, _, _ = demo_eval
    r = events.row()
    for k, v in FLOOR.items():
        assert r[k] >= v - 1e-9, (k, r[k], events.misses)


def test_demo_corpus_event_descriptions_meet_the_aims(demo_eval):
    events, _, _, _ = demo_eval
    r = events.row()
    for k, v in AIM.items():
        assert r[k] >= v - 1e-9, (k, r[k], events.misses)


def test_demo_corpus_per_article_fields_are_sane(demo_eval):
    _, per_lang, overall, event_lang = demo_eval
    assert len(per_lang) >= 5 and sum(t.n for t in per_lang.values()) >= 40
    r = overall.row()
    assert r["date"] >= 0.9 and r["location"] >= 0.55 and r["category"] >= 0.9, overall.misses
    # every (event, language) pair of the corpus is scored once in the per-language event rows
    bench = _bench()
    d = bench.demo_dir()
    lang = {x["id"]: x["language"] for x in bench.load_jsonl(d / "articles.jsonl")}
    pairs = {(x["event"], lang[x["id"]]) for x in bench.load_jsonl(d / "labels.jsonl")}
    assert {k: t.n for k, t in event_lang.items()} == dict(Counter(lg for _, lg in pairs))


def test_bench_numbers_match_the_tallies(demo_eval):
    bench = _bench()
    events, per_lang, overall, event_lang = demo_eval
    data = bench.numbers(events, per_lang, overall, event_lang, {"warm_median": 1.0}, "lexical", "0 0 0")
    assert data["per_event"]["n"] == 13 and data["per_article"]["n"] == overall.n
    assert data["per_event"]["date"] == round(events.row()["date"], 4)
    assert set(data["per_article_language"]) == set(per_lang)
    assert data["aims_met"]["category"] == (events.row()["category"] >= 0.85)


def test_actor_matching_is_by_name_alias_or_acronym():
    bench = _bench()
    who = [Entity("WHO", "org", "alias:who", aliases=["World Health Organization", "ΠΟΥ"])]
    assert bench.actor_found("World Health Organization", who)
    assert bench.actor_found("Rapid Support Forces", [Entity("RSF", "group", "alias:rsf")])
    assert bench.actor_found("Greek Civil Protection", [Entity("Civil Protection", "org", "x")])
    assert not bench.actor_found("Iraqi Army", [Entity("Iraqi Ministry of Oil", "org", "y")])


def test_summary_with_an_encoder_for_larger_events(lexical):
    arts = [art(1, "Earthquake off Crete", QUAKE_EN), art(2, "Quake near Heraklion", QUAKE_EN2),
            art(3, "Σεισμός στην Κρήτη", QUAKE_EL, "el")]
    s = describe_event("e", arts, encoder=lexical).summary
    picked = [x for x in sentences(QUAKE_EN + " " + QUAKE_EN2) if x in s]
    assert 2 <= len(picked) <= 4 and sum("5.9" in x for x in picked) == 1

    class Boom:
        def encode(self, texts):
            raise AssertionError("the encoder is not used for small events")

    describe_event("e", arts[:2], encoder=Boom())


# --- where: region → city, places only named in the future, national institutions → capital ---------
def test_location_city_inside_the_salient_region_wins_with_a_smaller_share():
    soma = Place("Soma", "TR", 39.19, 27.61, 300371, "city", 1, "Soma")
    manisa = Place("Manisa", "TR", 38.61, 27.43, 304827, "region", 1, "Manisa")
    turkey = Place("Turkey", "TR", 39, 35, 298795, "country", 3, "Turkey")
    a = art(1, "Quake hits Manisa province in western Turkey",
            "A quake struck the district of Soma on Wednesday. " + "Turkey " * 3, places=[manisa, soma, turkey])
    assert describe_event("e", [a]).location.name == "Soma"
    far = Place("Izmir", "TR", 38.41, 27.14, 311046, "city", 1, "Izmir")  # in the region's reach, but
    b = art(2, "Quake hits Manisa province in western Turkey", "Turkey said. " * 3 + "x" * 400 + " Izmir.",
            places=[manisa, far, turkey])  # named once, far down: not enough
    assert describe_event("e", [b]).location.name == "Manisa"


def test_location_a_town_named_only_about_the_future_is_not_the_place():
    thess = Place("Thessaloniki", "GR", 40.64, 22.94, 734077, "city", 1, "Θεσσαλονίκη")
    buc = Place("Bucharest", "RO", 44.43, 26.1, 683506, "city", 2, "Βουκουρέστι")
    a = art(1, "Νίκη 2-1 για τον ΠΑΟΚ", "Ο ΠΑΟΚ κέρδισε χθες στη Θεσσαλονίκη, και θα ταξιδέψει στο Βουκουρέστι με "
            "προβάδισμα. Στο Βουκουρέστι θα βρούμε δύσκολη ατμόσφαιρα.", "el", places=[buc, thess])
    assert describe_event("e", [a]).location.name == "Thessaloniki"
    past = art(2, a.title, a.text.replace("θα ταξιδέψει", "ταξίδεψε").replace("θα βρούμε", "βρήκαμε"), "el",
               places=[buc, thess])
    assert describe_event("e", [past]).location.name == "Bucharest"


def test_location_national_institution_in_a_country_only_story_is_in_the_capital():
    turkey = Place("Turkey", "TR", 39, 35, 298795, "country", 3, "Turkey")
    bank = Entity("Central Bank of Turkey", "org", "alias:tcmb", 2, ["Turkish central bank"])
    a = art(1, "Turkish central bank cuts rates", "Turkey's central bank cut its rate. Turkey inflation fell.",
            places=[turkey], entities=[bank])
    loc = describe_event("e", [a]).location
    assert loc.name == "Ankara" and loc.geonames_id == 323786
    # without the institution, or when the country is all that is said about a national vote, the country
    assert describe_event("e", [art(2, "Turkey votes", "Turkey votes.", places=[turkey])]).location.name == "Turkey"


def test_location_the_reference_point_of_a_distance_counts_as_a_lead_mention():
    crete = Place("Crete", "GR", 35.24, 24.8, None, "region", 2, "Creta")
    her = Place("Heraklion", "GR", 35.33, 25.13, 261745, "city", 1, "Heraklion")
    filler = "Clădirile vechi au fost avariate, iar școlile au rămas închise. " * 6
    a = art(1, "Cutremur în Creta", "Un cutremur a lovit insula Creta. " + filler +
            "Epicentrul a fost la 22 de kilometri nord de orașul Heraklion.", "ro", places=[crete, her])
    assert describe_event("e", [a]).location.name == "Heraklion"
    b = art(2, a.title, a.text.replace("la 22 de kilometri nord de orașul Heraklion", "resimțit și la Heraklion"),
            "ro", places=[crete, her])
    assert describe_event("e", [b]).location.name == "Crete"
