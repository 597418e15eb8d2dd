"""Small hand-written word lists per language, used to keep false positives out.

Written from general knowledge of each language (function words, titles, the
keywords that mark organisations). All lookups use :func:`newsweave.annotate._text.norm`
forms, so accents and case do not matter here.

>>> "the" in STOPWORDS["en"] and "και" in STOPWORDS["el"]
True
"""

from __future__ import annotations

from newsweave.annotate._text import norm

__all__ = [
    "STOPWORDS",
    "ALL_STOPWORDS",
    "TITLES",
    "ORG_WORDS",
    "GROUP_WORDS",
    "PLACE_GENERIC",
    "DIRECTIONS",
    "CONNECTORS",
    "ARABIC_COMMON",
    "ORG_BEFORE_PLACE",
    "PROVINCE_WORDS",
    "NON_PERSON_WORDS",
    "QUANTITY_WORDS",
    "UNIT_WORDS",
    "LOCATIVES",
    "TOWN_WORDS",
    "sentence_start",
]


def _set(s: str) -> frozenset[str]:
    return frozenset(norm(w) for w in s.split())


_STOP_RAW = {
    "en": """a an the and or but if of in on at to from by for with without about after before over under
        into onto than then that this these those there here it
        its it's is are was were be been being have has
        had do does did will would can could may might must shall should not no nor so as such also just only
        very more most much many some any all each every both either neither other another same own he she
        they we you i me him her them us our your their his hers who whom whose which what when where why how
        while during since until up down out off again further once new old said says say told according
        one two mr mrs ms dr st yes now later today yesterday tomorrow tonight however meanwhile but because
        though although despite among between against within around across near via per via amid amidst
        sunday monday tuesday wednesday thursday friday saturday january february march april may june july
        august september october november december breaking update updated live photo video read more""",
    "fr": """le la les l un une des de du d au aux et ou mais si en dans sur sous par pour avec sans chez vers
        entre contre depuis pendant avant apres selon ce cet cette ces qui que quoi dont ou il elle ils elles
        on nous vous je tu me te se lui leur leurs son sa ses mon ma mes notre nos votre vos est sont etait
        ont a ete etre avoir fait plus moins tres aussi ne pas non oui tout tous toute toutes autre autres
        meme lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd demain janvier fevrier mars
        avril mai juin juillet aout septembre octobre novembre decembre""",
    "de": """der die das den dem des ein eine einer eines einem einen und oder aber wenn als wie im in am an
        auf aus bei mit nach seit von vor zu zum zur uber unter durch fur gegen ohne um bis ist sind war waren
        wird werden wurde wurden hat haben hatte hatten sein ihr
        ihre sie er es wir ich du man nicht kein keine
        auch noch schon nur sehr mehr dieser diese dieses jener alle viele einige montag dienstag mittwoch
        donnerstag freitag samstag sonntag gestern heute morgen januar februar marz april mai juni juli august
        september oktober november dezember laut so dass doch""",
    "es": """el la los las lo un una unos unas y o u pero si de del al a en con sin por para sobre entre
        hasta desde contra tras segun durante ante bajo que quien cual cuyo donde cuando como este esta estos
        estas ese esa eso aquel su sus mi mis tu nuestro es son fue fueron ser estar ha han habia no ni mas
        menos muy tambien ya todo todos otra otro otros lunes martes miercoles jueves viernes sabado domingo
        ayer hoy manana enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
        diciembre se le les""",
    "it": """il lo la i gli le un uno una e o ma se di del della dei delle da dal in nel nella con su sul per
        tra fra che chi cui come dove quando questo questa quello quella suo sua non piu anche gia tutto
        lunedi martedi mercoledi giovedi venerdi sabato domenica
        ieri oggi domani gennaio febbraio marzo aprile
        maggio giugno luglio agosto settembre ottobre novembre dicembre""",
    "pt": """o a os as um uma e ou mas se de do da dos das em no na nos nas com sem por para pelo pela sobre
        entre ate desde que quem qual onde quando como este esta esse essa isso seu sua nao mais tambem ja
        todo segunda terca quarta quinta sexta sabado domingo ontem hoje amanha janeiro fevereiro marco abril
        maio junho julho agosto setembro outubro novembro dezembro""",
    "ro": """si sau dar iar daca de din la in pe cu pentru prin despre dupa inainte intre fara catre spre
        sub peste pana ca care ce cine cum unde cand acest
        aceasta acesti aceste acel acea el ea ei ele noi voi
        eu tu lui lor sa se nu mai foarte tot toti toate un o unui unei niste este sunt era au a fost fi fie
        va vor ar al ale ai luni marti miercuri joi vineri sambata duminica ieri azi astazi maine ianuarie
        februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie potrivit""",
    "el": """ο η το οι τα του της των τον την τη τους τις στο στη στην στον στα στους στις στου στης σε
        ένας μια μία ένα ενός μιας και ή αλλά αν να θα δεν μην με για από προς κατά μετά πριν χωρίς μέχρι
        ως που πού ότι όπως όταν αυτός αυτή αυτό αυτοί αυτές αυτά αυτού αυτής αυτών είναι ήταν έχει έχουν
        είχε είχαν ενώ όμως επίσης ακόμη πολύ πιο όλα όλοι όλες Δευτέρα Τρίτη Τετάρτη Πέμπτη Παρασκευή
        Σάββατο Κυριακή χθες σήμερα αύριο Ιανουάριος Φεβρουάριος Μάρτιος Απρίλιος Μάιος Ιούνιος Ιούλιος
        Αύγουστος Σεπτέμβριος Οκτώβριος Νοέμβριος Δεκέμβριος σύμφωνα""",
    "ru": """и в во не на с со что как а но или из у за по к о об от до для при без над под это этот эта
        эти тот та те он она оно они мы вы я его ее их был была было были быть есть также уже еще все всё
        так же ли бы только понедельник вторник среда четверг пятница суббота воскресенье вчера сегодня
        завтра по словам""",
    "tr": """ve veya ile ama fakat de da bir bu su o ki icin gibi kadar sonra once daha en cok az her hic
        mi mu olan olarak ise ne nasil neden pazartesi sali carsamba persembe cuma cumartesi pazar dun bugun
        yarin ocak subat mart nisan mayis haziran temmuz agustos eylul ekim kasim aralik""",
    "nl": """de het een en of maar als van in op aan met voor door bij naar uit over onder tegen zonder
        tussen dat die dit deze wie wat waar wanneer hoe is zijn was waren heeft hebben niet geen ook nog
        maandag dinsdag woensdag donderdag vrijdag zaterdag zondag gisteren vandaag morgen""",
    "ar": """في من إلى على عن مع هذا هذه ذلك تلك التي الذي الذين أن إن كان كانت قد لا لم لن ما ثم أو و
        بعد قبل بين حتى عند منذ خلال حول ضد عبر كما أيضا هو هي هم نحن أنا يوم اليوم أمس غدا الأحد الإثنين
        الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت وقال قال وقالت قالت وفق وفقا""",
}

STOPWORDS: dict[str, frozenset[str]] = {lang: _set(s) for lang, s in _STOP_RAW.items()}
ALL_STOPWORDS: frozenset[str] = frozenset().union(*STOPWORDS.values())

# Titles that precede a person's name; stripped from the front of candidate names.
TITLES = _set(
    """president prime minister mr mrs ms dr sir dame lord lady gen general lt col colonel major captain
    admiral king queen prince princess pope sheikh emir chancellor secretary foreign defence defense interior
    finance health justice deputy vice chief spokesman spokeswoman spokesperson senator rep representative
    governor mayor judge ambassador envoy commander leader chairman chairwoman ceo director minister's
    premier presidente ministro primer señor sr sra président ministre monsieur mme m madame
    präsident präsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin minister ministerin
    ministerpräsident außenminister aussenminister verteidigungsminister innenminister herr frau papst
    presedintele președintele premierul ministrul domnul doamna
    πρόεδρος πρωθυπουργός υπουργός κ κα δρ βουλευτής δήμαρχος
    президент премьер министр глава госсекретарь
    cumhurbaşkanı başbakan bakan sayın bakanı vali valisi başkanı başkan sözcüsü müdürü komutanı direktörü
    büyükelçisi sekreteri savcısı başsavcısı yardımcısı milletvekili profesör doç
    interior home foreign state treasury intérieur extérieur défense armées santé finances économie affaires
    étrangères innern interne externe justiției apărării sănătății finanțelor externe hacienda sanidad
    εσωτερικών εξωτερικών άμυνας οικονομικών υγείας"""
)
TITLE_SUFFIXES = tuple(
    norm(s)
    for s in (
        "minister",
        "ministerin",
        "präsident",
        "präsidentin",
        "kanzler",
        "kanzlerin",
        "sprecher",
        "sprecherin",
        "chef",
        "chefin",
    )
)

ORG_WORDS = _set(
    """ministry department party bank council commission committee court police agency authority office
    university union association institute foundation fund federation organisation organization company
    corporation corp inc ltd plc group holdings news times post agency parliament senate congress assembly
    service services airlines airways railways exchange board church hospital school army navy airforce
    government cabinet coalition alliance league club fc institute national federal central civil general
    international european reserve fund protection inspectorate secretariat bureau unit division directorate
    ministère ministere parti banque conseil commission cour tribunal agence autorité université syndicat
    fondation fédération organisation compagnie société assemblée gouvernement institut nationale national
    fédéral centrale
    ministerium partei bank rat kommission gericht polizei agentur behörde universität gewerkschaft stiftung
    verband bundestag bundesrat regierung bundeswehr konzern gesellschaft ag gmbh
    ministerio partido banco consejo comisión tribunal policía agencia autoridad universidad sindicato
    fundación federación gobierno empresa instituto nacional federal civil central protección
    ministerul partidul banca banii consiliul comisia curtea tribunalul poliția agenția autoritatea
    universitatea sindicatul fundația federația guvernul compania parlamentul senatul institutul prefectura
    prefecturii primăria primăriei consiliul consiliului
    institutului inspectoratul inspectoratului național națională ministerul ministerului
    υπουργείο κόμμα τράπεζα συμβούλιο επιτροπή δικαστήριο αστυνομία οργανισμός πανεπιστήμιο ένωση
    ομοσπονδία κυβέρνηση βουλή εταιρεία ινστιτούτο ινστιτούτου υπηρεσία πυροσβεστική
    министерство партия банк совет комиссия суд полиция агентство университет союз правительство
    компания институт служба мчс
    bakanlığı partisi bankası kurulu komisyonu mahkemesi polis ajansı üniversitesi birliği hükümeti
    başkanlığı belediyesi müdürlüğü kurumu enstitüsü komutanlığı valiliği derneği vakfı meclisi rasathanesi
    idaresi örgütü federasyonu kulübü şirketi hastanesi havayolları gazetesi"""
)
GROUP_WORDS = _set(
    """brigade brigades militia militias front movement rebels insurgents fighters jihadists cell faction
    brigades battalion battalions mujahideen guard guards resistance liberation
    brigades mouvement milice front rebelles brigaden miliz bewegung rebellen milicia movimiento rebeldes
    brigăzile miliția mișcarea rebelii ταξιαρχίες πολιτοφυλακή κίνημα αντάρτες μέτωπο бригада ополчение
    движение боевики tugay hareketi"""
)

# Words that may follow a place name without making it part of a longer name.
PLACE_GENERIC = _set(
    """city strip province region district county state airport port harbour harbor bay valley river
    island islands mountains peninsula governorate oblast municipality area centre center
    ville région province district aéroport stadt region provinz flughafen ciudad región provincia
    aeropuerto oraș orașul regiunea județul aeroportul πόλη περιφέρεια νομός αεροδρόμιο город область
    stadt insel hauptstadt provinzhauptstadt inselhauptstadt bundesstaat dorf ada adası adasi il ilçe ilçesi
    şehir kent köy νησί νησιά ville île ciudad isla provincia orașului insula"""
)

DIRECTIONS = _set(
    """north south east west northern southern eastern western central upper lower greater northeast
    northwest southeast southwest nord sud est ouest norden süden osten westen norte sur este oeste
    nordul sudul estul vestul βόρεια νότια ανατολική δυτική κεντρική βόρειο νότιο ανατολικό δυτικό
    βόρειας νότιας ανατολικής δυτικής κεντρικής северный южный восточный западный центральный
    северном южном восточном западном северного южного восточного западного северной южной
    восточной западной doğu batı kuzey güney nord süd ost west"""
)

# Arabic words (as written, any clitic stripped) that are also the name of some town in the
# gazetteer: function words and common nouns/adjectives. Never places on their own: «وأن» "and
# that" is not Van, «بالوادي» "in the valley" is not El Oued, «الأشهر» "the months" is not Alaşehir.
ARABIC_COMMON = _set(
    """ان أن إن وان وأن بان بأن لان لأن كان وادي الوادي الأشهر أشهر الشهر شهر الجزيرة جزيرة فرقة الفرقة
    السلام الحرية النصر الأمل الوحدة الثورة النهضة الفجر الصباح المساء الجديدة جديدة الكبرى الصغرى
    الشمالية الجنوبية الشرقية الغربية الوسطى العليا السفلى المنطقة منطقة البلاد الساحل الباب باب البيت
    بيت السوق سوق عين العين بئر تل رأس حي قرية القرية بلدة البلدة مخيم المخيم مركز المركز الحدود حدود
    القاعدة قاعدة الخط خط الطريق طريق الميناء ميناء الجسر جسر القصر قصر المطار مطار السد سد الجبل جبل
    النهر نهر البحر بحر الشاطئ الواحة القلعة قلعة الزاوية زاوية المحطة محطة الحمراء الخضراء البيضاء
    السوداء الزرقاء الصفراء بورصة البورصة ثاني ثالث رابع خامس الثاني الثالث الرابع الخامس أول الأول الأولى الأخيرة"""
)

# Capitalised words that, right before a place name, make it the name of an organisation
# ("Borsa İstanbul", "Universitatea din Cluj"): the place is not mentioned as a place.
ORG_BEFORE_PLACE = _set(
    """borsa bourse börse bursa universitatea universidad université universität university banca
    banco banque bank dinamo dynamo olympique olympiakos real atletico athletic sporting racing rapid
    steaua juventus inter fc cf sc ac as fk afc بورصة البورصة"""
)

# Words that make a neighbouring place name the name of a province or district rather than of
# its capital town ("Manisa province", «ولاية مانيسا», "в провинции Киркук", «νομό Λάρισας»).
PROVINCE_WORDS = _set(
    """province provinces governorate county provincia provinz landkreis il ili ilinin ilindeki iline
    vilayet vilayeti judet judetul județul judetului județului νομός νομού νομό επαρχία επαρχίας
    провинция провинции провинцию область области ولاية لولاية بولاية وولاية محافظة لمحافظة بمحافظة
    ومحافظة إقليم بإقليم"""
)

# Words that call a neighbouring place name a town ("the city of Kirkuk", «مدينة كركوك»).
TOWN_WORDS = _set(
    """city town ville stadt ciudad città cidade oraș orașul orașului πόλη πόλης город города городе
    şehir şehri kent kenti مدينة ومدينة بمدينة لمدينة"""
)

# Words that make a multi-word capitalised name a place, a building or an object, not a person
# ("Piața Victoriei", "Toumba Stadium", "North Kordofan", "Nuba Mountains").
NON_PERSON_WORDS = _set(
    """square plaza place platz piata piața pieței πλατεία площадь meydanı meydani stadium stadion
    stade estadio stadionul arena street avenue boulevard road rue strada calea bulevardul bulevard
    straße strasse calle avenida οδός οδό λεωφόρος улица проспект caddesi sokak palace palatul palais
    palast palacio palatului sala bridge pont podul brücke puente mountains mountain mount valley island
    islands lake river sea ocean gulf strait bay cape desert forest park airport aeroportul port portul portului harbour
    harbor station gara gare bahnhof estación γήπεδο γηπέδου стадион stadyum stadyumu
    mahallesi havalimanı havaalanı camii parkı köyü sokağı salonu ormanı köprüsü limanı adası gölü"""
)

# Prepositions (and Greek preposition + article) that put a following name in a place:
# a name only ever written after one ("στην Τούμπα", "in Santorini") is where, not who.
LOCATIVES: dict[str, frozenset[str]] = {
    lang: _set(ws)
    for lang, ws in {
        "en": "in at near into",
        "fr": "à au aux dans près",
        "de": "in im nach bei",
        "es": "en cerca",
        "ro": "la în din spre lângă",
        "el": "στην στη στο στον στις στους σε",
        "ru": "в во на под около",
        "it": "a in",
        "pt": "em no na",
        "ar": "في قرب",
    }.items()
}

# Words for a number of people or things that open a sentence with a capital ("Thousands of…",
# «Zeci de mii…», «Четверо военнослужащих…»): never the start of a name.
QUANTITY_WORDS = _set(
    """dozens hundreds thousands tens millions scores several many few some dizaines centaines milliers
    millions plusieurs dutzende hunderte tausende zehntausende hunderttausende mehrere einige decenas
    cientos miles millares varios zeci sute mii milioane câțiva cateva câteva mulți multe δεκάδες
    εκατοντάδες χιλιάδες εκατομμύρια αρκετοί πολλοί десятки сотни тысячи миллионы несколько многие
    двое трое четверо пятеро шестеро семеро onlarca yüzlerce binlerce milyonlarca birkaç"""
)

# Units written with a capital that are not names ("5,9 Ρίχτερ").
UNIT_WORDS = _set("richter ρίχτερ рихтер ريختر rihter celsius fahrenheit")

_SENT_BREAK = frozenset('.!?\n:;«“"(|•—–*·►▪')


def sentence_start(text: str, i: int) -> bool:
    """Does the word at ``i`` open a sentence (or a line, a dateline "Bucharest - …", a bullet)?

    >>> sentence_start("Hello. World", 7), sentence_start("a World", 2), sentence_start("X /Agerpres/ - Zeci", 15)
    (True, False, True)
    """
    j = i - 1
    while j >= 0 and text[j] in " \t'\"‘“«(":
        j -= 1
    if j < 0 or text[j] in _SENT_BREAK:
        return True
    return text[j] == "-" and (j == 0 or text[j - 1] in " \t/")


# Lowercase connectors allowed inside multi-word names ("Bank of England").
CONNECTORS = _set("of de des du del della di al bin ibn van von da dos das pentru")


# Number words (2 and up: "one"/"un"/"ένας" double as articles). value -> forms.
_NUMBER_RAW = {
    "en": {
        2: "two",
        3: "three",
        4: "four",
        5: "five",
        6: "six",
        7: "seven",
        8: "eight",
        9: "nine",
        10: "ten",
        11: "eleven",
        12: "twelve",
        13: "thirteen",
        14: "fourteen",
        15: "fifteen",
        16: "sixteen",
        17: "seventeen",
        18: "eighteen",
        19: "nineteen",
        20: "twenty",
        30: "thirty",
        40: "forty",
        50: "fifty",
        60: "sixty",
        70: "seventy",
        80: "eighty",
        90: "ninety",
        100: "hundred",
    },
    "el": {
        2: "δύο δυο",
        3: "τρεις τρία τριών",
        4: "τέσσερις τέσσερα τεσσάρων",
        5: "πέντε",
        6: "έξι",
        7: "επτά εφτά",
        8: "οκτώ οχτώ",
        9: "εννέα εννιά",
        10: "δέκα",
        11: "έντεκα",
        12: "δώδεκα",
        13: "δεκατρείς δεκατρία",
        14: "δεκατέσσερις δεκατέσσερα",
        15: "δεκαπέντε",
        16: "δεκαέξι δεκάξι",
        17: "δεκαεπτά δεκαεφτά",
        18: "δεκαοκτώ δεκαοχτώ",
        19: "δεκαεννέα δεκαεννιά",
        20: "είκοσι",
        30: "τριάντα",
        40: "σαράντα",
        50: "πενήντα",
        60: "εξήντα",
        70: "εβδομήντα",
        80: "ογδόντα",
        90: "ενενήντα",
        100: "εκατό",
    },
    "ro": {
        2: "doi două",
        3: "trei",
        4: "patru",
        5: "cinci",
        6: "șase",
        7: "șapte",
        8: "opt",
        10: "zece",
        11: "unsprezece",
        12: "doisprezece douăsprezece",
        13: "treisprezece",
        14: "paisprezece",
        15: "cincisprezece",
        16: "șaisprezece",
        17: "șaptesprezece",
        18: "optsprezece",
        19: "nouăsprezece",
        20: "douăzeci",
        30: "treizeci",
        40: "patruzeci",
        50: "cincizeci",
    },
    "ar": {
        2: "اثنان اثنين اثنتان اثنتين",
        3: "ثلاثة ثلاث",
        4: "أربعة أربع",
        5: "خمسة خمس",
        6: "ستة",
        7: "سبعة سبع",
        8: "ثمانية ثماني",
        9: "تسعة تسع",
        10: "عشرة عشر",
        20: "عشرون عشرين",
        30: "ثلاثون ثلاثين",
        40: "أربعون أربعين",
        50: "خمسون خمسين",
        100: "مئة مائة",
    },
    "fr": {
        2: "deux",
        3: "trois",
        4: "quatre",
        5: "cinq",
        6: "six",
        7: "sept",
        8: "huit",
        9: "neuf",
        10: "dix",
        11: "onze",
        12: "douze",
        13: "treize",
        14: "quatorze",
        15: "quinze",
        16: "seize",
        17: "dix-sept",
        18: "dix-huit",
        19: "dix-neuf",
        20: "vingt",
        30: "trente",
        40: "quarante",
        50: "cinquante",
        60: "soixante",
        100: "cent",
    },
    "de": {
        2: "zwei",
        3: "drei",
        4: "vier",
        5: "fünf",
        6: "sechs",
        7: "sieben",
        8: "acht",
        9: "neun",
        10: "zehn",
        11: "elf",
        12: "zwölf",
        13: "dreizehn",
        14: "vierzehn",
        15: "fünfzehn",
        16: "sechzehn",
        17: "siebzehn",
        18: "achtzehn",
        19: "neunzehn",
        20: "zwanzig",
        30: "dreißig",
        40: "vierzig",
        50: "fünfzig",
        100: "hundert",
    },
    "es": {
        2: "dos",
        3: "tres",
        4: "cuatro",
        5: "cinco",
        6: "seis",
        7: "siete",
        8: "ocho",
        9: "nueve",
        10: "diez",
        11: "once",
        12: "doce",
        13: "trece",
        14: "catorce",
        15: "quince",
        16: "dieciséis",
        17: "diecisiete",
        18: "dieciocho",
        19: "diecinueve",
        20: "veinte",
        30: "treinta",
        40: "cuarenta",
        50: "cincuenta",
        100: "cien",
    },
    "it": {
        2: "due",
        3: "tre",
        4: "quattro",
        5: "cinque",
        7: "sette",
        8: "otto",
        9: "nove",
        10: "dieci",
        11: "undici",
        12: "dodici",
        13: "tredici",
        14: "quattordici",
        15: "quindici",
        16: "sedici",
        17: "diciassette",
        18: "diciotto",
        19: "diciannove",
        20: "venti",
        30: "trenta",
    },
    "pt": {
        2: "dois duas",
        3: "três",
        4: "quatro",
        5: "cinco",
        6: "seis",
        7: "sete",
        8: "oito",
        9: "nove",
        10: "dez",
        11: "onze",
        12: "doze",
        13: "treze",
        14: "catorze quatorze",
        15: "quinze",
        16: "dezesseis dezasseis",
        17: "dezessete dezassete",
        18: "dezoito",
        19: "dezenove dezanove",
        20: "vinte",
        30: "trinta",
    },
    "ru": {
        2: "два две двух",
        3: "три трех",
        4: "четыре четырех",
        5: "пять пяти",
        6: "шесть шести",
        7: "семь семи",
        8: "восемь восьми",
        9: "девять девяти",
        10: "десять десяти",
        11: "одиннадцать",
        12: "двенадцать",
        13: "тринадцать",
        14: "четырнадцать",
        15: "пятнадцать",
        16: "шестнадцать",
        17: "семнадцать",
        18: "восемнадцать",
        19: "девятнадцать",
        20: "двадцать",
        30: "тридцать",
        40: "сорок",
        50: "пятьдесят",
        100: "сто",
    },
    "tr": {
        2: "iki",
        3: "üç",
        4: "dört",
        5: "beş",
        6: "altı",
        7: "yedi",
        8: "sekiz",
        9: "dokuz",
        20: "yirmi",
        30: "otuz",
        40: "kırk",
        50: "elli",
    },
}

NUMBER_WORDS: dict[str, dict[str, int]] = {
    lang: {norm(form): value for value, forms in table.items() for form in forms.split()}
    for lang, table in _NUMBER_RAW.items()
}
