"""Throughput and memory benchmark of ``annotate`` on ~3 KB news texts in 8 languages.

Run: ``python -m newsweave.annotate.bench [n_articles]``. Prints articles per second
of wall time and of CPU time (the honest number on a shared machine), the one-off
warm-up time and the process's peak memory. The texts are written for
this benchmark (news-like, with dates, places, people, numbers), so it needs no data.

>>> len(sample_articles(4)) == 4
True
"""

from __future__ import annotations

import datetime as dt
import random
import resource
import sys
import time

from newsweave.model import Article

PARAGRAPHS: dict[str, list[str]] = {
    "en": [
        "At least 12 people were killed and 40 injured on Friday when a powerful earthquake struck "
        "near Izmir, Turkey's disaster agency said. Rescue teams worked through the night to pull "
        "survivors from the rubble of collapsed buildings, and the Red Cross said it had sent 3,000 "
        "tents to the region.",
        "Turkish President Recep Tayyip Erdogan visited the area on Saturday and promised that the "
        "government would rebuild every home within a year. The World Bank estimated the damage at "
        "$3.5 billion, while Greek Prime Minister Kyriakos Mitsotakis offered help from Athens.",
        "Local officials said the quake, which had a magnitude of 6.8, was followed by more than 200 "
        "aftershocks. Schools will remain closed until Monday, the education ministry said in a "
        "statement on Thursday evening.",
        "In Brussels, European Commission spokesperson Anna Fischer said the European Union was ready "
        "to mobilise its civil protection mechanism. NATO allies also offered assistance, and the "
        "United Nations said its agencies were assessing needs in the affected provinces.",
        "Unemployment in the region rose to 9.4% last year, and economists warned that the disaster "
        "could shave half a percentage point off growth. Prices of building materials jumped 15 per "
        "cent in the week after the earthquake, according to the chamber of commerce.",
    ],
    "el": [
        "Τουλάχιστον 12 νεκροί και 40 τραυματίες είναι ο απολογισμός του ισχυρού σεισμού που έπληξε "
        "την Παρασκευή την περιοχή της Πάτρας, σύμφωνα με την Πυροσβεστική. Συνεργεία διάσωσης "
        "εργάζονταν όλη τη νύχτα για τον απεγκλωβισμό πολιτών από τα ερείπια κτιρίων.",
        "Ο πρωθυπουργός Κυριάκος Μητσοτάκης επισκέφθηκε χθες την πληγείσα περιοχή και δήλωσε ότι η "
        "κυβέρνηση θα διαθέσει 3,5 εκατ. ευρώ για την αποκατάσταση των ζημιών. Ο Νίκος Ανδρουλάκης "
        "ζήτησε άμεση στήριξη των πληγέντων, ενώ ο Ανδρουλάκης επέκρινε την καθυστέρηση.",
        "Σύμφωνα με το Γεωδυναμικό Ινστιτούτο, ο σεισμός είχε μέγεθος 6,2 Ρίχτερ και ακολούθησαν "
        "περισσότεροι από 200 μετασεισμοί. Τα σχολεία θα παραμείνουν κλειστά έως τη Δευτέρα, "
        "ανακοίνωσε το υπουργείο Παιδείας την Πέμπτη το βράδυ.",
        "Στις Βρυξέλλες, η Ευρωπαϊκή Επιτροπή δήλωσε έτοιμη να ενεργοποιήσει τον μηχανισμό πολιτικής "
        "προστασίας. Ο ΟΗΕ και ο Ερυθρός Σταυρός έστειλαν βοήθεια, ενώ η τουρκική κυβέρνηση εξέφρασε "
        "τη συμπαράστασή της στην Αθήνα.",
        "Η ανεργία στην περιοχή αυξήθηκε στο 9,4% πέρυσι και οι οικονομολόγοι προειδοποιούν ότι η "
        "καταστροφή θα κοστίσει μισή ποσοστιαία μονάδα στην ανάπτυξη. Οι τιμές των οικοδομικών υλικών "
        "αυξήθηκαν 15 τοις εκατό την περασμένη εβδομάδα.",
    ],
    "ro": [
        "Cel puțin 12 morți și 40 de răniți este bilanțul cutremurului puternic care a lovit vineri "
        "zona Constanței, potrivit Inspectoratului pentru Situații de Urgență. Echipele de salvare au "
        "lucrat toată noaptea pentru a scoate supraviețuitorii de sub dărâmături.",
        "Premierul Ilie Bolojan a vizitat joi seară zona afectată și a declarat că Guvernul va aloca "
        "3,5 milioane de euro pentru reconstrucție. Președintele Nicușor Dan a cerut sprijin pentru "
        "familiile afectate, iar primarul Constanței a decretat trei zile de doliu.",
        "Potrivit Institutului Național de Fizica Pământului, seismul a avut magnitudinea 6,1 și a "
        "fost urmat de peste 200 de replici. Școlile vor rămâne închise până luni, a anunțat ieri "
        "Ministerul Educației.",
        "La Bruxelles, Comisia Europeană s-a declarat pregătită să activeze mecanismul de protecție "
        "civilă. ONU și Crucea Roșie au trimis ajutoare, iar guvernul grec și-a exprimat "
        "solidaritatea cu București.",
        "Șomajul în regiune a crescut la 9,4% anul trecut, iar economiștii avertizează că dezastrul "
        "ar putea reduce creșterea cu jumătate de punct procentual. Prețurile materialelor de "
        "construcții au crescut cu 15 la sută săptămâna trecută.",
    ],
    "ar": [
        "قتل 12 شخصا على الأقل وأصيب 40 آخرون يوم الجمعة في زلزال قوي ضرب مدينة الموصل شمال العراق، "
        "وفق ما أعلنت السلطات المحلية. وعملت فرق الإنقاذ طوال الليل لانتشال الناجين من تحت أنقاض "
        "المباني المنهارة.",
        "وزار رئيس الوزراء العراقي المنطقة أمس، وتعهد بأن تخصص الحكومة 3.5 مليار دينار لإعادة "
        "الإعمار. وقال المتحدث باسم وزارة الداخلية إن ثلاثة فرق إنقاذ إضافية وصلت من بغداد.",
        "وبحسب المرصد الزلزالي، بلغت قوة الزلزال 6.1 درجات وتلته أكثر من 200 هزة ارتدادية. وستبقى "
        "المدارس مغلقة حتى يوم الاثنين، بحسب بيان لوزارة التربية مساء الخميس.",
        "وأعلنت الأمم المتحدة والصليب الأحمر إرسال مساعدات عاجلة، فيما أعرب الرئيس التركي رجب طيب "
        "أردوغان عن تضامن بلاده مع الشعب العراقي. كما عرض الاتحاد الأوروبي تقديم المساعدة.",
        "وارتفعت نسبة البطالة في المحافظة إلى 9.4 في المئة العام الماضي، ويحذر اقتصاديون من أن "
        "الكارثة قد تكلف الاقتصاد مليارات الدولارات. وارتفعت أسعار مواد البناء 15 بالمئة الأسبوع "
        "الماضي.",
    ],
    "fr": [
        "Au moins 12 personnes ont été tuées et 40 blessées vendredi dans un violent séisme qui a "
        "frappé la région de Nice, selon la préfecture. Les secours ont travaillé toute la nuit pour "
        "dégager les survivants des décombres des immeubles effondrés.",
        "Le président Emmanuel Macron s'est rendu sur place samedi et a promis que l'État "
        "débloquerait 3,5 milliards d'euros pour la reconstruction. Jean-Luc Mélenchon a réclamé une "
        "commission d'enquête, tandis que Mélenchon dénonçait des retards.",
        "Selon le Bureau central sismologique, la secousse de magnitude 6,0 a été suivie de plus de "
        "200 répliques. Les écoles resteront fermées jusqu'à lundi, a annoncé hier le ministère de "
        "l'Éducation.",
        "À Bruxelles, la Commission européenne s'est dite prête à activer le mécanisme de protection "
        "civile. L'ONU et la Croix-Rouge ont envoyé de l'aide, et le gouvernement grec a exprimé sa "
        "solidarité.",
        "Le chômage dans la région a atteint 9,4 % l'an dernier, et les économistes estiment que la "
        "catastrophe pourrait coûter un demi-point de croissance. Les prix des matériaux ont bondi de "
        "15 pour cent la semaine dernière.",
    ],
    "de": [
        "Mindestens 12 Menschen sind am Freitag bei einem schweren Erdbeben in der Region um Neapel "
        "ums Leben gekommen, 40 wurden verletzt, teilte der Zivilschutz mit. Rettungskräfte "
        "arbeiteten die ganze Nacht, um Überlebende aus den Trümmern eingestürzter Gebäude zu bergen.",
        "Bundeskanzler Friedrich Merz sicherte Italien am Samstag Unterstützung zu, die "
        "Bundesregierung stellt 3,5 Mio. Euro Soforthilfe bereit. Italiens Ministerpräsidentin "
        "Giorgia Meloni besuchte gestern das Katastrophengebiet und sprach mit Helfern des Roten "
        "Kreuzes.",
        "Nach Angaben des Instituts für Geophysik hatte das Beben eine Stärke von 6,0, es folgten "
        "mehr als 200 Nachbeben. Die Schulen bleiben bis Montag geschlossen, erklärte das "
        "Bildungsministerium am Donnerstagabend.",
        "In Brüssel erklärte die EU-Kommission, sie sei bereit, das Katastrophenschutzverfahren zu "
        "aktivieren. Die Vereinten Nationen und das Rote Kreuz schickten Hilfe, die griechische "
        "Regierung bekundete ihre Solidarität.",
        "Die Arbeitslosigkeit in der Region stieg im vergangenen Jahr auf 9,4 Prozent, Ökonomen "
        "warnen, dass die Katastrophe einen halben Prozentpunkt Wachstum kosten könnte. "
        "Baustoffpreise stiegen letzte Woche um 15 Prozent.",
    ],
    "es": [
        "Al menos 12 personas murieron y 40 resultaron heridas el viernes en un fuerte terremoto que "
        "sacudió la región de Granada, según Protección Civil. Los equipos de rescate trabajaron toda "
        "la noche para sacar a los supervivientes de los escombros de los edificios derrumbados.",
        "El presidente del Gobierno, Pedro Sánchez, visitó ayer la zona y prometió 3.500 millones de "
        "euros para la reconstrucción. La Cruz Roja envió tres equipos de emergencia y la Unión "
        "Europea ofreció ayuda.",
        "Según el Instituto Geográfico Nacional, el sismo tuvo una magnitud de 6,1 y fue seguido por "
        "más de 200 réplicas. Los colegios permanecerán cerrados hasta el lunes, informó el jueves "
        "por la noche el Ministerio de Educación.",
        "En Bruselas, la Comisión Europea se declaró dispuesta a activar el mecanismo de protección "
        "civil. La ONU y la OTAN ofrecieron asistencia, y el Gobierno griego expresó su solidaridad "
        "desde Atenas.",
        "El desempleo en la región subió al 9,4% el año pasado, y los economistas advierten de que la "
        "catástrofe podría costar medio punto de crecimiento. Los precios de los materiales subieron "
        "un 15 por ciento la semana pasada.",
    ],
    "ru": [
        "По меньшей мере 12 человек погибли и 40 получили ранения в пятницу в результате сильного "
        "землетрясения в районе Сочи, сообщило МЧС. Спасатели всю ночь извлекали выживших из-под "
        "завалов обрушившихся домов.",
        "Президент Владимир Путин провёл вчера совещание и поручил выделить 3,5 млрд рублей на "
        "восстановление. Песков заявил, что Кремль внимательно следит за ситуацией, а ООН предложила "
        "помощь.",
        "По данным сейсмологов, магнитуда толчков составила 6,0, после чего последовали более 200 "
        "афтершоков. Школы будут закрыты до понедельника, сообщили в министерстве просвещения в "
        "четверг вечером.",
        "В Москве заявили, что Красный Крест направил в регион три гуманитарных конвоя. Эрдоган "
        "выразил соболезнования, а Евросоюз призвал к сотрудничеству в ликвидации последствий.",
        "Безработица в регионе выросла до 9,4% в прошлом году, и экономисты предупреждают, что "
        "катастрофа может стоить экономике миллиарды рублей. Цены на стройматериалы на прошлой неделе "
        "выросли на 15 процентов.",
    ],
}
TITLES = {
    "en": "Earthquake near Izmir kills 12, Turkey says",
    "el": "Σεισμός στην Πάτρα: 12 νεκροί και 40 τραυματίες",
    "ro": "Cutremur la Constanța: 12 morți și 40 de răniți",
    "ar": "مقتل 12 شخصا في زلزال ضرب الموصل",
    "fr": "Séisme près de Nice : au moins 12 morts",
    "de": "Erdbeben bei Neapel: mindestens 12 Tote",
    "es": "Terremoto en Granada: al menos 12 muertos",
    "ru": "Землетрясение в Сочи: погибли 12 человек",
}


def sample_articles(n: int, target_chars: int = 3000, seed: int = 7) -> list[Article]:
    """``n`` synthetic ~3 KB articles cycling through the 8 languages."""
    rng = random.Random(seed)
    langs = sorted(PARAGRAPHS)
    out = []
    base = dt.datetime(2026, 3, 14, 9, tzinfo=dt.UTC)
    for i in range(n):
        lang = langs[i % len(langs)]
        paras = PARAGRAPHS[lang][:]
        body: list[str] = []
        while sum(len(p) + 2 for p in body) < target_chars:
            rng.shuffle(paras)
            body.extend(paras)
        text = "\n\n".join(body)
        while len(text) > target_chars + 400 and len(body) > 1:
            body.pop()
            text = "\n\n".join(body)
        out.append(
            Article(
                id=f"bench-{i}",
                title=TITLES[lang],
                text=text,
                published=base + dt.timedelta(hours=rng.randint(0, 72)),
                language=lang if i % 3 == 0 else "und",
            )
        )
    return out


def run(n: int = 2000) -> dict[str, float]:
    """Annotate ``n`` articles; return timings (s), throughput and peak RSS (MB)."""
    from newsweave.annotate import annotate, warm_up

    t0 = time.perf_counter()
    warm_up()
    warm = time.perf_counter() - t0
    arts = sample_articles(n)
    t1 = time.perf_counter()
    c1 = time.process_time()
    for a in arts:
        annotate(a)
    elapsed = time.perf_counter() - t1
    cpu = time.process_time() - c1
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(len(a.text) for a in arts) / max(1, n)
    return {
        "articles": n,
        "avg_chars": round(chars),
        "warm_up_s": round(warm, 2),
        "wall_s": round(elapsed, 2),
        "cpu_s": round(cpu, 2),
        "articles_per_s_wall": round(n / elapsed, 1),
        "articles_per_cpu_s": round(n / cpu, 1),
        "peak_rss_mb": round(rss, 1),
    }


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    n = int(args[0]) if args else 2000
    for k, v in run(n).items():
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
