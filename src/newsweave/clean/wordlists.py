"""Per-language word lists used by the cleaners. The one place to add a language.

Every list maps an ISO 639-1 code to phrases written naturally (accents, capitals,
hamza and all). They are *folded* once at import (see :func:`newsweave.clean.text.fold`:
casefold, accents and Arabic diacritics stripped), so a list entry matches every
spelling variant: "Κοινοποίηση" = "ΚΟΙΝΟΠΟΙΗΣΗ", "Citește și" = "Citeste si",
"اقرأ أيضاً" = "اقرا ايضا".

The cleaners never need to know an article's language: they match the union of all
languages, and every list is only ever applied under strict conditions (a whole short
line, a line prefix followed by a separator, or a position at the top or bottom of
the text), so a word that is noise in one language cannot delete a sentence in another.

Covered: en, el, ro, ar, fr, de, es, it, pt, tr, ru, pl (and nl, bg, uk for the
commonest lists). To add a language, add its phrases to each dict; nothing else changes.
"""

from __future__ import annotations

# The lists are packed by hand, many words to a line: keep the formatter away.
# fmt: off
# --- navigation -----------------------------------------------------------------------------------
# Menu items and section names. A line made only of these (with separators) is a
# menu or breadcrumb. Single common words such as "World" only count in a menu line
# (two or more items, or separators, or at the very top / bottom of the text).
NAV_ITEMS: dict[str, list[str]] = {
    "en": ["home", "homepage", "news", "world", "breaking", "breaking news", "just in", "recent",
        "politics", "business", "economy", "sport", "sports", "culture", "opinion", "opinions", "tech",
        "technology", "science", "health", "lifestyle", "entertainment", "travel", "video", "videos",
        "photos", "podcasts", "weather", "local", "national", "international", "europe", "latest", "live",
        "more", "menu", "sections", "markets", "environment", "education", "society", "world news", "uk",
        "us", "newsletters"],
    "el": ["αρχική", "αρχική σελίδα", "ειδήσεις", "πρόσφατα", "έκτακτο", "τελευταία νέα", "live", "ελλάδα",
        "κόσμος", "πολιτική", "οικονομία", "αθλητισμός", "σπορ", "πολιτισμός", "απόψεις", "γνώμες",
        "τεχνολογία", "επιστήμη", "υγεία", "κοινωνία", "lifestyle", "βίντεο", "φωτογραφίες", "καιρός",
        "διεθνή", "ροή ειδήσεων", "τελευταία νέα", "μενού", "περισσότερα", "ψυχαγωγία", "ταξίδια",
        "παιδεία"],
    "ro": ["acasă", "prima pagină", "știri", "breaking news", "exclusiv", "recente", "actualitate",
        "politică", "economie", "sport", "cultură", "opinii", "internațional", "extern", "intern", "social",
        "tehnologie", "știință", "sănătate", "monden", "video", "foto", "vremea", "meteo", "ultima oră",
        "meniu", "mai mult", "life", "lifestyle", "justiție", "educație", "diverse"],
    "ar": ["الرئيسية", "الصفحة الرئيسية", "أخبار", "الأخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة", "آراء",
        "رأي", "تكنولوجيا", "علوم", "صحة", "منوعات", "فيديو", "صور", "عربي", "دولي", "العالم", "محليات",
        "مقالات", "القائمة", "المزيد", "الطقس", "عاجل", "تقارير"],
    "fr": ["accueil", "actualités", "actualité", "direct", "alerte info", "à la une", "monde", "politique",
        "économie", "sport", "sports", "culture", "opinions", "idées", "sciences", "santé", "société",
        "vidéos", "photos", "international", "france", "europe", "météo", "menu", "plus", "en direct",
        "planète"],
    "de": ["startseite", "home", "nachrichten", "eilmeldung", "aktuell", "politik", "wirtschaft", "sport",
        "kultur", "meinung", "wissen", "gesundheit", "panorama", "ausland", "inland", "video", "videos",
        "fotos", "wetter", "menü", "mehr", "regional", "digital", "gesellschaft", "deutschland", "welt"],
    "es": ["inicio", "portada", "noticias", "internacional", "política", "economía", "deportes", "cultura",
        "opinión", "tecnología", "ciencia", "salud", "sociedad", "vídeos", "fotos", "españa", "mundo",
        "el tiempo", "menú", "más", "última hora"],
    "it": ["home", "notizie", "cronaca", "politica", "economia", "sport", "cultura", "opinioni", "esteri",
        "mondo", "tecnologia", "scienza", "salute", "spettacoli", "video", "foto", "meteo", "menu",
        "italia", "altro"],
    "pt": ["início", "página inicial", "notícias", "política", "economia", "desporto", "esportes",
        "cultura", "opinião", "mundo", "internacional", "tecnologia", "ciência", "saúde", "sociedade",
        "vídeos", "fotos", "brasil", "portugal", "tempo", "menu", "mais"],
    "tr": ["ana sayfa", "anasayfa", "haberler", "gündem", "dünya", "siyaset", "politika", "ekonomi", "spor",
        "kültür", "yazarlar", "teknoloji", "bilim", "sağlık", "yaşam", "video", "foto", "galeri",
        "hava durumu", "menü", "daha fazla", "son dakika", "türkiye", "magazin"],
    "ru": ["главная", "новости", "политика", "экономика", "спорт", "культура", "мнения", "в мире", "мир",
        "общество", "технологии", "наука", "здоровье", "видео", "фото", "погода", "меню", "ещё", "россия",
        "происшествия"],
    "pl": ["strona główna", "wiadomości", "kraj", "świat", "polityka", "gospodarka", "sport", "kultura",
        "opinie", "technologia", "nauka", "zdrowie", "wideo", "zdjęcia", "pogoda", "menu", "więcej",
        "polska", "biznes"],
    "nl": ["home", "nieuws", "binnenland", "buitenland", "politiek", "economie", "sport", "cultuur"],
}

# Items that on their own make a line navigation wherever it stands: "Home", "Skip to
# content", "Menu", "Log in", and the footer's "About us", "Privacy policy"...
NAV_STRONG: dict[str, list[str]] = {
    "en": ["about us", "contact", "contact us", "privacy policy", "privacy", "terms of use", "terms",
        "terms and conditions", "accessibility", "advertise", "careers", "sitemap", "home", "homepage",
        "skip to content", "skip to main content", "skip to navigation", "jump to content", "main menu",
        "menu", "close menu", "open menu", "toggle navigation", "log in", "login", "sign in", "register",
        "my account", "back to top", "go to top", "close", "next article", "previous article", "next",
        "previous", "back"],
    "el": ["σχετικά με εμάς", "ποιοι είμαστε", "επικοινωνία", "όροι χρήσης", "πολιτική απορρήτου",
        "ταυτότητα", "αρχική", "αρχική σελίδα", "μετάβαση στο περιεχόμενο",
        "μετάβαση στο κύριο περιεχόμενο", "κεντρικό μενού", "μενού", "σύνδεση", "είσοδος", "εγγραφή",
        "ο λογαριασμός μου", "επιστροφή", "κλείσιμο", "επόμενο άρθρο", "προηγούμενο άρθρο", "στην κορυφή"],
    "ro": ["despre noi", "contact", "termeni și condiții", "politica de confidențialitate",
        "publicitate pe site", "acasă", "prima pagină", "sari la conținut", "sari la conținutul principal",
        "meniu", "meniu principal", "autentificare", "conectare", "contul meu", "înregistrare", "înapoi",
        "închide", "articolul următor", "articolul anterior", "sus"],
    "ar": ["من نحن", "اتصل بنا", "سياسة الخصوصية", "شروط الاستخدام", "أعلن معنا", "الرئيسية",
        "الصفحة الرئيسية", "انتقل إلى المحتوى", "تخطى إلى المحتوى", "القائمة", "القائمة الرئيسية",
        "تسجيل الدخول", "دخول", "حسابي", "إغلاق", "المقال التالي", "المقال السابق", "العودة للأعلى"],
    "fr": ["qui sommes-nous", "nous contacter", "contact", "mentions légales",
        "politique de confidentialité", "cgu", "accueil", "aller au contenu", "aller au contenu principal",
        "passer au contenu", "menu", "menu principal", "se connecter", "connexion", "mon compte", "fermer",
        "article suivant", "article précédent", "retour en haut"],
    "de": ["impressum", "kontakt", "datenschutz", "datenschutzerklärung", "agb", "über uns", "startseite",
        "zum inhalt springen", "zum hauptinhalt", "direkt zum inhalt", "menü", "hauptmenü", "anmelden",
        "einloggen", "mein konto", "schließen", "nächster artikel", "vorheriger artikel", "nach oben"],
    "es": ["quiénes somos", "contacto", "aviso legal", "política de privacidad", "inicio",
        "ir al contenido", "saltar al contenido", "menú", "menú principal", "iniciar sesión", "mi cuenta",
        "cerrar", "siguiente artículo", "artículo anterior", "volver arriba"],
    "it": ["chi siamo", "contatti", "note legali", "informativa privacy", "vai al contenuto",
        "salta al contenuto", "menu principale", "accedi", "il mio account", "chiudi",
        "articolo successivo", "articolo precedente", "torna su"],
    "pt": ["quem somos", "contato", "contacto", "termos de uso", "política de privacidade", "início",
        "página inicial", "ir para o conteúdo", "saltar para o conteúdo", "menu principal", "entrar",
        "minha conta", "fechar", "próximo artigo", "artigo anterior", "voltar ao topo"],
    "tr": ["hakkımızda", "iletişim", "künye", "gizlilik politikası", "kullanım koşulları", "ana sayfa",
        "anasayfa", "içeriğe geç", "ana menü", "giriş yap", "üye ol", "hesabım", "kapat", "sonraki haber",
        "önceki haber", "başa dön"],
    "ru": ["о нас", "контакты", "о проекте", "политика конфиденциальности", "главная",
        "перейти к содержанию", "главное меню", "войти", "вход", "регистрация", "личный кабинет", "закрыть",
        "следующая статья", "предыдущая статья", "наверх"],
    "pl": ["o nas", "kontakt", "polityka prywatności", "regulamin", "strona główna", "przejdź do treści",
        "menu główne", "zaloguj się", "zaloguj", "moje konto", "zamknij", "następny artykuł",
        "poprzedni artykuł", "do góry"],
}

# A search box: the whole line is one of these words, maybe with "..." or "for:".
SEARCH_WORDS: dict[str, list[str]] = {
    "en": ["search", "search this site", "search for", "type to search", "enter keywords"],
    "el": ["αναζήτηση", "αναζήτηση για"],
    "ro": ["caută", "căutare", "cauta pe site"],
    "ar": ["بحث", "ابحث", "ابحث هنا"],
    "fr": ["rechercher", "recherche"],
    "de": ["suche", "suchen", "suchbegriff eingeben"],
    "es": ["buscar", "búsqueda"],
    "it": ["cerca", "ricerca"],
    "pt": ["pesquisar", "buscar", "pesquisa"],
    "tr": ["ara", "arama"],
    "ru": ["поиск", "найти"],
    "pl": ["szukaj", "wyszukaj"],
    "nl": ["zoeken"],
}

# --- share / follow widgets -----------------------------------------------------------------------
# A line made only of these (and separators, counts) is a share bar.
SHARE: dict[str, list[str]] = {
    "en": ["share", "share this", "share this article", "share this story", "share on", "share via",
        "share on facebook", "share on twitter", "share this page", "share this post", "share on x",
        "share on whatsapp", "share on linkedin", "tweet", "tweet this", "like", "pin", "pin it", "print",
        "print this article", "email", "e-mail", "email this", "copy link", "copy the link", "link copied",
        "send", "save", "shares", "gift this article", "listen", "listen to this article", "comment",
        "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "viber", "messenger", "pinterest",
        "reddit", "flipboard", "tumblr", "threads", "bluesky", "mastodon", "instagram", "youtube", "tiktok",
        "google news", "rss", "sms"],
    "el": ["κοινοποίηση", "κοινοποιήστε", "μοιραστείτε το άρθρο", "κοινοποίηση άρθρου", "μοιραστείτε",
        "μοιράσου", "εκτύπωση", "αποστολή", "αποστολή με email", "αντιγραφή συνδέσμου", "αντιγραφή link",
        "tweet", "like", "ακούστε το άρθρο", "αποθήκευση"],
    "ro": ["distribuie", "distribuiți", "distribuie articolul", "distribuie pe facebook", "trimite",
        "printează", "tipărește", "copiază link", "copiază linkul", "salvează", "ascultă articolul",
        "share"],
    "ar": ["شارك", "شارك على", "شارك هذا الخبر", "شارك الخبر", "شارك المقال", "شارك هذا المقال", "مشاركة",
        "شاركوا", "طباعة", "أرسل", "إرسال", "نسخ الرابط", "تم نسخ الرابط", "فيسبوك", "تويتر", "واتساب",
        "تيليغرام", "تلغرام", "لينكدإن", "إكس", "حفظ"],
    "fr": ["partager", "partagez", "partager cet article", "partager sur", "partager sur facebook",
        "imprimer", "envoyer", "envoyer par e-mail", "copier le lien", "lien copié", "sauvegarder",
        "écouter cet article"],
    "de": ["teilen", "artikel teilen", "teilen auf", "drucken", "versenden", "per e-mail teilen",
        "link kopieren", "merken", "artikel anhören", "twittern"],
    "es": ["compartir", "compartir en", "compartir esta noticia", "compartir artículo", "comparte",
        "imprimir", "enviar", "enviar por correo", "copiar enlace", "guardar", "escuchar"],
    "it": ["condividi", "condividi su", "stampa", "invia", "invia per email", "copia link", "salva",
        "ascolta"],
    "pt": ["compartilhar", "partilhar", "compartilhe", "imprimir", "enviar", "copiar link", "salvar",
        "guardar"],
    "tr": ["paylaş", "paylaşın", "haberi paylaş", "yazdır", "gönder", "e-posta", "bağlantıyı kopyala",
        "kaydet", "dinle"],
    "ru": ["поделиться", "поделитесь", "поделиться новостью", "распечатать", "печать", "отправить",
        "скопировать ссылку", "сохранить", "вконтакте", "одноклассники", "телеграм"],
    "pl": ["udostępnij", "podziel się", "drukuj", "wyślij", "kopiuj link", "skopiuj link", "zapisz"],
    "nl": ["delen", "deel", "printen"],
}

# Line prefixes that start a "follow us" / "get our app" plug (kind "share").
FOLLOW_PREFIXES: dict[str, list[str]] = {
    "en": ["follow us", "follow us on", "follow", "join us on", "join our", "download our app",
        "download the app", "get the app", "like us on facebook", "subscribe to our channel"],
    "el": ["ακολουθήστε μας", "ακολουθήστε το", "ακολουθήστε την", "ακολούθησε", "κατεβάστε την εφαρμογή"],
    "ro": ["urmărește-ne", "urmăriți-ne", "urmărește", "urmăriți", "descarcă aplicația",
        "abonează-te la canalul"],
    "ar": ["تابعونا", "تابعنا", "تابعوا", "حمل تطبيق", "حمّل تطبيق", "انضم إلى قناة", "انضموا"],
    "fr": ["suivez-nous", "suivez", "téléchargez l'application", "rejoignez-nous"],
    "de": ["folgen sie uns", "folgen sie", "laden sie die app", "jetzt die app"],
    "es": ["síguenos", "sigue a", "descarga la app", "descarga nuestra app"],
    "it": ["seguici", "segui", "scarica l'app"],
    "pt": ["siga-nos", "siga", "baixe o app", "descarregue a aplicação"],
    "tr": ["bizi takip edin", "takip edin", "uygulamamızı indirin"],
    "ru": ["подписывайтесь на нас", "подписывайтесь", "читайте нас в", "скачайте приложение"],
    "pl": ["obserwuj nas", "śledź nas", "pobierz aplikację"],
}

# --- related stories ------------------------------------------------------------------------------
# Headings that introduce other stories. Alone on a line they open a block of headlines
# (all removed); followed by ":" and text they are an inline teaser (that line removed).
RELATED_HEADINGS: dict[str, list[str]] = {
    "en": ["read also", "read more", "also read", "see also", "related", "related articles",
        "related stories", "related news", "related content", "related coverage", "you may also like",
        "you might also like", "you may be interested in", "recommended", "recommended for you",
        "more from", "more stories", "more news", "more on this story", "more on this", "more", "most read",
        "most popular", "most viewed", "popular", "popular now", "trending", "trending now", "latest news",
        "latest", "top stories", "don't miss", "editor's picks", "further reading", "watch",
        "what to read next", "read next", "up next", "in other news", "elsewhere"],
    "el": ["διαβάστε επίσης", "διαβάστε ακόμη", "διαβάστε ακόμα", "διαβάστε περισσότερα", "δείτε επίσης",
        "δείτε ακόμη", "δείτε ακόμα", "δείτε", "σχετικά άρθρα", "σχετικές ειδήσεις", "σχετικά θέματα",
        "δημοφιλή", "τα πιο δημοφιλή", "πιο δημοφιλή", "περισσότερα", "περισσότερα άρθρα", "ροή ειδήσεων",
        "τελευταία νέα", "τελευταίες ειδήσεις", "μην χάσετε", "μη χάσετε", "προτεινόμενα",
        "τα πιο διαβασμένα", "πιο διαβασμένα"],
    "ro": ["citește și", "citeşte şi", "citiți și", "citește mai mult", "vezi și", "vezi mai mult",
        "cele mai citite", "cele mai populare", "articole similare", "articole recomandate", "recomandări",
        "recomandarea redacției", "știri similare", "știri recomandate", "ultimele știri", "ultima oră",
        "nu rata", "mai multe știri", "pe aceeași temă"],
    "ar": ["اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "اقرأ المزيد", "إقرأ أيضا", "إقرأ أيضاً", "شاهد أيضا",
        "شاهد أيضاً", "طالع أيضا", "طالع أيضاً", "مواضيع ذات صلة", "أخبار ذات صلة", "مقالات ذات صلة",
        "ذات صلة", "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا", "آخر الأخبار", "المزيد من الأخبار",
        "اخترنا لك", "قد يهمك أيضا", "قد يهمك", "قد يعجبك أيضا", "لا تفوت"],
    "fr": ["lire aussi", "à lire aussi", "a lire aussi", "lire également", "à lire également", "voir aussi",
        "sur le même sujet", "les plus lus", "les plus populaires", "à découvrir", "à voir aussi",
        "articles similaires", "dans l'actualité", "les dernières actualités", "ne manquez pas",
        "nos articles", "vous aimerez aussi", "vous pourriez aimer", "plus d'actualités", "en continu"],
    "de": ["lesen sie auch", "lesen sie mehr", "auch interessant", "das könnte sie auch interessieren",
        "das könnte sie interessieren", "mehr zum thema", "zum thema", "meistgelesen",
        "meistgelesene artikel", "am meisten gelesen", "beliebt", "weitere artikel", "verwandte artikel",
        "aktuelle nachrichten", "empfehlungen", "auch lesenswert", "mehr dazu", "weitere nachrichten",
        "top-artikel"],
    "es": ["te puede interesar", "le puede interesar", "puede interesarte", "lee también", "lea también",
        "leer más", "ver también", "lo más leído", "más leídas", "lo más visto", "noticias relacionadas",
        "artículos relacionados", "relacionado", "relacionados", "también te puede interesar",
        "últimas noticias", "no te pierdas", "más noticias", "más información"],
    "it": ["leggi anche", "leggi pure", "potrebbe interessarti", "ti potrebbe interessare", "i più letti",
        "più letti", "articoli correlati", "notizie correlate", "correlati", "ultime notizie",
        "da non perdere", "guarda anche", "vedi anche", "altre notizie"],
    "pt": ["leia também", "leia mais", "veja também", "veja mais", "mais lidas", "mais lidos",
        "as mais lidas", "notícias relacionadas", "artigos relacionados", "relacionados",
        "também pode gostar", "últimas notícias", "não perca", "saiba mais", "mais notícias"],
    "tr": ["ayrıca okuyun", "ayrıca bakınız", "bunları da okuyun", "bu haberleri de okuyun",
        "ilginizi çekebilir", "en çok okunanlar", "en çok okunan", "çok okunanlar", "ilgili haberler",
        "benzer haberler", "son haberler", "önerilen haberler", "sıradaki haber", "göz atın"],
    "ru": ["читайте также", "читайте еще", "читайте ещё", "смотрите также", "по теме", "самое читаемое",
        "самое популярное", "популярное", "похожие новости", "другие новости", "последние новости",
        "рекомендуем", "вам может быть интересно", "новости по теме", "материалы по теме"],
    "pl": ["czytaj także", "czytaj też", "czytaj również", "zobacz także", "zobacz też", "zobacz również",
        "przeczytaj także", "najczęściej czytane", "najpopularniejsze", "polecane", "podobne artykuły",
        "powiązane artykuły", "najnowsze wiadomości", "więcej informacji", "nie przegap"],
    "nl": ["lees ook", "meest gelezen", "gerelateerd"],
    "bg": ["прочетете още", "вижте още", "най-четени"],
    "uk": ["читайте також", "дивіться також", "популярне"],
}

# --- newsletter / subscription --------------------------------------------------------------------
# The thing itself: "newsletter" is used as is in most European languages.
NEWSLETTER_NOUNS: dict[str, list[str]] = {
    "en": ["newsletter", "newsletters", "mailing list", "daily briefing", "morning briefing"],
    "el": ["newsletter", "ενημερωτικό δελτίο"],
    "ro": ["newsletter", "buletin informativ"],
    "ar": ["النشرة البريدية", "النشرة الإخبارية", "نشرتنا"],
    "fr": ["newsletter", "lettre d'information", "infolettre"],
    "de": ["newsletter"],
    "es": ["newsletter", "boletín de noticias"],
    "it": ["newsletter"],
    "pt": ["newsletter"],
    "tr": ["e-bülten", "bülten", "bültenimize"],
    "ru": ["рассылка", "рассылку", "рассылки"],
    "pl": ["newsletter", "newslettera"],
}
# The prompt: an imperative or second-person phrase. A short line that is only a prompt
# ("Subscribe now"), or a prompt next to a newsletter noun or an e-mail field, is removed.
NEWSLETTER: dict[str, list[str]] = {
    "en": ["sign up", "sign up for", "sign up to", "subscribe", "subscribe to our", "subscribe now",
        "subscribe for", "get the latest news", "delivered to your inbox", "in your inbox",
        "enter your email", "your email address", "already a subscriber", "become a subscriber",
        "subscribers only", "for subscribers", "start your free trial", "unlock this article", "get our"],
    "el": ["εγγραφείτε", "γραφτείτε", "κάντε εγγραφή", "εγγραφή στο", "γίνετε συνδρομητής", "το email σας",
        "στο email σας", "στο inbox σας", "λάβετε"],
    "ro": ["abonează-te", "abonați-vă", "abonati-va", "aboneaza-te", "abonează-te la", "adresa ta de email",
        "adresa de e-mail", "în inbox", "devino abonat", "ești deja abonat", "primești"],
    "ar": ["اشترك", "اشتركوا", "اشترك الآن", "اشترك في", "بريدك الإلكتروني", "البريد الإلكتروني الخاص بك",
        "سجل الآن", "ليصلك"],
    "fr": ["abonnez-vous", "inscrivez-vous", "s'abonner", "s'inscrire", "je m'inscris", "je m'abonne",
        "votre adresse e-mail", "votre adresse email", "déjà abonné", "réservé aux abonnés", "recevez"],
    "de": ["abonnieren", "jetzt abonnieren", "melden sie sich", "ihre e-mail-adresse", "bereits abonnent",
        "jetzt anmelden", "nur für abonnenten", "abo abschließen", "im abo", "erhalten sie"],
    "es": ["suscríbete", "suscribete", "suscríbase", "tu correo electrónico", "tu email",
        "ya eres suscriptor", "hazte suscriptor", "recibe"],
    "it": ["iscriviti", "abbonati", "la tua email", "il tuo indirizzo email", "sei già abbonato", "ricevi"],
    "pt": ["inscreva-se", "assine", "subscreva", "o seu e-mail", "seu e-mail", "já é assinante", "receba"],
    "tr": ["abone ol", "abone olun", "e-posta adresiniz", "kaydolun"],
    "ru": ["подпишитесь", "подписаться", "ваш e-mail", "ваш email", "получайте"],
    "pl": ["zapisz się", "subskrybuj", "zaprenumeruj", "twój adres e-mail", "twój e-mail", "otrzymuj"],
}

# --- cookie notices -------------------------------------------------------------------------------
# A cookie notice mentions cookies (COOKIE_WORDS) and speaks to the reader in the site's
# voice (COOKIE_CONSENT: "we use", "you agree"), so a news story about cookies is kept.
COOKIE_WORDS: dict[str, list[str]] = {
    "en": ["cookie", "cookies", "cookie policy", "cookie settings"],
    "el": ["cookies", "cookie", "μπισκότα"],
    "ro": ["cookie", "cookies", "cookie-uri", "cookie-urile", "cookie-urilor"],
    "ar": ["ملفات تعريف الارتباط", "ملفات الارتباط", "الكوكيز", "كوكيز"],
    "fr": ["cookies", "cookie", "traceurs"],
    "de": ["cookies", "cookie"],
    "es": ["cookies", "cookie"],
    "it": ["cookie", "cookies"],
    "pt": ["cookies", "cookie"],
    "tr": ["çerez", "çerezler", "çerezleri", "çerez politikası"],
    "ru": ["cookie", "куки", "файлы cookie"],
    "pl": ["cookies", "ciasteczka", "ciasteczek", "pliki cookie"],
}
COOKIE_CONSENT: dict[str, list[str]] = {
    "en": ["we use", "we and our partners", "this site uses", "this website uses", "our site",
        "our website", "you consent", "you agree", "you accept", "by continuing", "accept cookies",
        "cookie policy", "cookie settings", "manage cookies", "privacy policy", "your experience",
        "personalise", "personalize", "your settings", "your preferences"],
    "el": ["χρησιμοποιούμε", "χρησιμοποιεί cookies", "ο ιστότοπος", "η ιστοσελίδα", "αποδοχή", "αποδέχεστε",
        "συναινείτε", "εμπειρία", "πολιτική cookies", "ρυθμίσεις", "πολιτική απορρήτου"],
    "ro": ["folosim", "acest site", "site-ul nostru", "folosește cookie", "utilizează cookie",
        "sunteți de acord", "ești de acord", "acceptați", "acceptarea", "experiență", "politica de cookie",
        "navigării", "confidențialitate"],
    "ar": ["نستخدم", "يستخدم هذا الموقع", "موقعنا", "توافق", "بموافقتك", "تجربتك", "سياسة الخصوصية",
        "سياسة ملفات", "باستمرارك"],
    "fr": ["nous utilisons", "ce site utilise", "notre site", "vous acceptez", "en poursuivant", "accepter",
        "votre expérience", "politique de confidentialité", "paramétrer", "mesurer l'audience", "vos choix"],
    "de": ["wir verwenden", "wir nutzen", "diese website verwendet", "diese seite verwendet",
        "unsere website", "sie stimmen", "zustimmen", "akzeptieren", "ihre erfahrung",
        "datenschutzerklärung", "einstellungen"],
    "es": ["utilizamos", "usamos", "este sitio", "nuestra web", "aceptas", "acepta", "aceptar",
        "su experiencia", "tu experiencia", "política de cookies", "configuración"],
    "it": ["utilizziamo", "usiamo", "questo sito", "accetti", "acconsenti", "esperienza", "informativa",
        "impostazioni"],
    "pt": ["utilizamos", "usamos", "este site", "aceita", "concorda", "experiência", "política de cookies",
        "definições"],
    "tr": ["kullanıyoruz", "sitemiz", "kabul ediyorsunuz", "onay", "deneyim", "çerez politikası",
        "gizlilik"],
    "ru": ["мы используем", "сайт использует", "соглашаетесь", "принять", "опыт", "политикой", "настройки"],
    "pl": ["używamy", "ta strona używa", "serwis używa", "zgodę", "akceptujesz", "doświadczenia",
        "polityka prywatności", "ustawienia"],
}
# Consent buttons: only removed right after a cookie notice.
COOKIE_BUTTONS: dict[str, list[str]] = {
    "en": ["accept", "accept all", "accept cookies", "reject", "reject all", "decline", "ok", "okay",
        "got it", "i agree", "agree", "manage preferences", "manage cookies", "cookie settings", "settings",
        "more info", "learn more", "customize", "allow all", "deny"],
    "el": ["αποδοχή", "αποδοχή όλων", "αποδέχομαι", "απόρριψη", "απόρριψη όλων", "ρυθμίσεις", "συμφωνώ",
        "περισσότερα", "ρυθμίσεις cookies", "εντάξει"],
    "ro": ["accept", "accept toate", "acceptă", "acceptă tot", "acceptă toate", "sunt de acord", "refuz",
        "refuză", "setări", "mai multe detalii", "de acord", "ok"],
    "ar": ["موافق", "قبول", "قبول الكل", "أوافق", "رفض", "رفض الكل", "إعدادات", "المزيد"],
    "fr": ["accepter", "tout accepter", "j'accepte", "refuser", "tout refuser", "paramétrer",
        "personnaliser", "continuer sans accepter", "en savoir plus", "ok"],
    "de": ["akzeptieren", "alle akzeptieren", "zustimmen", "ablehnen", "alle ablehnen", "einstellungen",
        "mehr erfahren", "einverstanden", "ok"],
    "es": ["aceptar", "aceptar todo", "aceptar todas", "rechazar", "rechazar todo", "configurar",
        "más información", "acepto"],
    "it": ["accetta", "accetta tutto", "accetto", "rifiuta", "rifiuta tutto", "personalizza",
        "impostazioni"],
    "pt": ["aceitar", "aceitar todos", "aceito", "recusar", "rejeitar", "definições", "configurar"],
    "tr": ["kabul et", "kabul ediyorum", "tümünü kabul et", "reddet", "ayarlar", "tamam"],
    "ru": ["принять", "принять все", "согласен", "отклонить", "настройки", "понятно", "хорошо"],
    "pl": ["akceptuję", "akceptuj", "zaakceptuj wszystkie", "odrzuć", "ustawienia", "zgadzam się"],
}

# --- font size controls ---------------------------------------------------------------------------
FONT_SIZE: dict[str, list[str]] = {
    "en": ["text size", "font size", "increase font size", "decrease font size", "reset font size",
        "larger", "smaller", "reset"],
    "el": ["μέγεθος γραμματοσειράς", "μέγεθος κειμένου", "μέγεθος γραμμάτων", "μεγαλύτερα", "μικρότερα"],
    "ro": ["mărime text", "mărimea textului", "dimensiune text", "dimensiune font", "mărime font"],
    "ar": ["حجم الخط", "تكبير الخط", "تصغير الخط", "حجم النص"],
    "fr": ["taille du texte", "taille de police", "taille de la police", "agrandir le texte",
        "réduire le texte"],
    "de": ["schriftgröße", "textgröße", "schrift vergrößern", "schrift verkleinern"],
    "es": ["tamaño de letra", "tamaño del texto", "tamaño de fuente", "aumentar letra", "disminuir letra"],
    "it": ["dimensione del testo", "dimensione carattere", "dimensione testo"],
    "pt": ["tamanho da fonte", "tamanho do texto", "tamanho da letra"],
    "tr": ["yazı boyutu", "yazı tipi boyutu", "font boyutu", "yazıyı büyüt", "yazıyı küçült"],
    "ru": ["размер шрифта", "размер текста"],
    "pl": ["rozmiar czcionki", "rozmiar tekstu", "wielkość czcionki"],
}

# --- comment counters -----------------------------------------------------------------------------
# "12 comments", "Comments (3)", "Leave a comment": only whole short lines.
COMMENTS: dict[str, list[str]] = {
    "en": ["comment", "comments", "leave a comment", "add a comment", "post a comment", "show comments",
        "view comments", "join the conversation", "no comments", "be the first to comment", "reply",
        "replies"],
    "el": ["σχόλιο", "σχόλια", "σχολιάστε", "σχολίασε", "προσθήκη σχολίου", "γράψτε σχόλιο",
        "δείτε τα σχόλια", "κανένα σχόλιο"],
    "ro": ["comentariu", "comentarii", "comentează", "comentariile", "lasă un comentariu",
        "adaugă un comentariu", "vezi comentariile", "niciun comentariu"],
    "ar": ["تعليق", "تعليقات", "التعليقات", "أضف تعليق", "أضف تعليقا", "اترك تعليقا", "عرض التعليقات",
        "لا توجد تعليقات"],
    "fr": ["commentaire", "commentaires", "réagir", "réagissez", "laisser un commentaire",
        "voir les commentaires"],
    "de": ["kommentar", "kommentare", "kommentieren", "kommentar schreiben", "kommentare anzeigen"],
    "es": ["comentario", "comentarios", "comentar", "deja un comentario", "ver comentarios"],
    "it": ["commento", "commenti", "commenta", "lascia un commento"],
    "pt": ["comentário", "comentários", "comentar", "deixe um comentário"],
    "tr": ["yorum", "yorumlar", "yorum yap", "yorum yaz", "yorumları gör"],
    "ru": ["комментарий", "комментарии", "комментариев", "комментария", "комментировать",
        "оставить комментарий"],
    "pl": ["komentarz", "komentarze", "komentarzy", "skomentuj", "dodaj komentarz"],
}

# --- advert labels --------------------------------------------------------------------------------
ADVERT: dict[str, list[str]] = {
    "en": ["advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "promoted",
        "paid content", "partner content", "story continues below advertisement", "continue reading below",
        "article continues below", "scroll to continue", "scroll to continue with content",
        "report this ad"],
    "el": ["διαφήμιση", "διαφημίσεις", "χορηγούμενο", "χορηγούμενο περιεχόμενο", "συνέχεια παρακάτω",
        "το άρθρο συνεχίζεται παρακάτω"],
    "ro": ["publicitate", "reclamă", "advertorial", "conținut sponsorizat",
        "articolul continuă după reclamă", "continuarea după reclamă"],
    "ar": ["إعلان", "إعلانات", "محتوى ممول", "مساحة إعلانية", "يتبع بعد الإعلان"],
    "fr": ["publicité", "pub", "contenu sponsorisé", "annonce", "la suite après cette publicité",
        "article sponsorisé"],
    "de": ["anzeige", "werbung", "gesponsert", "weiter nach der anzeige",
        "artikel wird nach der anzeige fortgesetzt"],
    "es": ["publicidad", "anuncio", "contenido patrocinado", "patrocinado", "sigue leyendo"],
    "it": ["pubblicità", "contenuto sponsorizzato", "sponsorizzato",
        "continua a leggere dopo la pubblicità"],
    "pt": ["publicidade", "anúncio", "conteúdo patrocinado", "patrocinado",
        "continua depois da publicidade"],
    "tr": ["reklam", "sponsorlu", "sponsorlu içerik", "haberin devamı için kaydırın"],
    "ru": ["реклама", "спонсорский материал", "на правах рекламы"],
    "pl": ["reklama", "materiał sponsorowany", "artykuł sponsorowany", "dalsza część artykułu pod reklamą"],
}

# --- author bio -----------------------------------------------------------------------------------
# "<Name> is a reporter covering ...": COPULA then, within a few words, ROLE.
AUTHOR_COPULA: dict[str, list[str]] = {
    "en": ["is", "was", "has been"],
    "el": ["είναι", "εργάζεται ως"],
    "ro": ["este", "e"],
    "ar": ["هو", "هي"],
    "fr": ["est"],
    "de": ["ist", "war", "arbeitet als"],
    "es": ["es"],
    "it": ["è"],
    "pt": ["é"],
    "tr": [],
    "ru": ["—", "-"],
    "pl": ["jest"],
}
AUTHOR_ROLES: dict[str, list[str]] = {
    "en": ["reporter", "correspondent", "journalist", "editor", "writer", "columnist", "contributor",
        "producer", "analyst", "photographer", "staff writer"],
    "el": ["δημοσιογράφος", "ρεπόρτερ", "συντάκτης", "συντάκτρια", "ανταποκριτής", "ανταποκρίτρια",
        "αρθρογράφος", "αρχισυντάκτης", "αρχισυντάκτρια"],
    "ro": ["jurnalist", "jurnalistă", "reporter", "reporteră", "redactor", "redactoare", "corespondent",
        "corespondentă", "editor", "editorialist"],
    "ar": ["صحفي", "صحفية", "صحافي", "صحافية", "مراسل", "مراسلة", "محرر", "محررة", "كاتب", "كاتبة"],
    "fr": ["journaliste", "reporter", "correspondant", "correspondante", "rédacteur", "rédactrice",
        "éditorialiste", "chroniqueur", "chroniqueuse"],
    "de": ["redakteur", "redakteurin", "korrespondent", "korrespondentin", "journalist", "journalistin",
        "reporter", "reporterin", "autor", "autorin"],
    "es": ["periodista", "reportero", "reportera", "corresponsal", "redactor", "redactora", "editor",
        "editora", "columnista"],
    "it": ["giornalista", "reporter", "corrispondente", "redattore", "redattrice", "inviato", "inviata"],
    "pt": ["jornalista", "repórter", "correspondente", "redator", "redatora", "editor", "editora",
        "colunista"],
    "tr": ["muhabir", "muhabiri", "gazeteci", "editör", "editörü", "yazar", "yazarı", "köşe yazarı"],
    "ru": ["журналист", "журналистка", "корреспондент", "корреспондентка", "редактор", "обозреватель"],
    "pl": ["dziennikarz", "dziennikarka", "reporter", "reporterka", "korespondent", "korespondentka",
        "redaktor", "redaktorka", "publicysta"],
}
# Headings of an author box; the line after them is removed too.
AUTHOR_HEADINGS: dict[str, list[str]] = {
    "en": ["about the author", "about the authors", "author", "written by", "contact the author"],
    "el": ["σχετικά με τον συντάκτη", "σχετικά με τη συντάκτρια", "για τον συντάκτη", "ο συντάκτης",
        "συντάκτης"],
    "ro": ["despre autor", "autor", "autorul"],
    "ar": ["عن الكاتب", "نبذة عن الكاتب", "عن المؤلف", "الكاتب"],
    "fr": ["à propos de l'auteur", "l'auteur", "auteur"],
    "de": ["über den autor", "über die autorin", "zur person", "autor", "autorin"],
    "es": ["sobre el autor", "acerca del autor", "autor"],
    "it": ["sull'autore", "l'autore", "autore"],
    "pt": ["sobre o autor", "autor"],
    "tr": ["yazar hakkında", "yazar"],
    "ru": ["об авторе", "автор"],
    "pl": ["o autorze", "autor"],
}

# --- other boilerplate ----------------------------------------------------------------------------
# Contained anywhere in a short line: copyright notices.
COPYRIGHT: dict[str, list[str]] = {
    "en": ["all rights reserved", "copyright"],
    "el": ["με την επιφύλαξη παντός δικαιώματος", "όλα τα δικαιώματα διατηρούνται"],
    "ro": ["toate drepturile rezervate", "drepturi de autor"],
    "ar": ["جميع الحقوق محفوظة", "حقوق النشر"],
    "fr": ["tous droits réservés"],
    "de": ["alle rechte vorbehalten"],
    "es": ["todos los derechos reservados"],
    "it": ["tutti i diritti riservati", "riproduzione riservata"],
    "pt": ["todos os direitos reservados"],
    "tr": ["tüm hakları saklıdır", "her hakkı saklıdır"],
    "ru": ["все права защищены"],
    "pl": ["wszelkie prawa zastrzeżone"],
}
# Line prefixes (followed by ":" or a space) of metadata lines: tags, publication times,
# reading time, source.
META_PREFIXES: dict[str, list[str]] = {
    "en": ["tags", "topics", "filed under", "published", "updated", "last updated", "posted",
        "first published", "reading time", "source", "keywords", "categories", "category"],
    "el": ["ετικέτες", "tags", "θέματα", "δημοσιεύθηκε", "δημοσίευση", "ενημερώθηκε", "τελευταία ενημέρωση",
        "χρόνος ανάγνωσης", "πηγή", "λέξεις κλειδιά"],
    "ro": ["etichete", "taguri", "cuvinte cheie", "publicat", "actualizat", "ultima actualizare",
        "data publicării", "timp de citire", "sursa"],
    "ar": ["الوسوم", "كلمات مفتاحية", "الكلمات المفتاحية", "نشر في", "تاريخ النشر", "آخر تحديث",
        "تم التحديث", "وقت القراءة", "مدة القراءة", "المصدر"],
    "fr": ["mots-clés", "mots clés", "tags", "publié le", "publié", "mis à jour le", "mis à jour",
        "temps de lecture", "source"],
    "de": ["schlagwörter", "schlagworte", "themen", "veröffentlicht", "veröffentlicht am", "aktualisiert",
        "aktualisiert am", "lesezeit", "quelle", "stand"],
    "es": ["etiquetas", "temas", "publicado", "publicado el", "actualizado", "actualizado el",
        "tiempo de lectura", "fuente"],
    "it": ["tag", "argomenti", "pubblicato", "pubblicato il", "aggiornato", "aggiornato il",
        "tempo di lettura", "fonte"],
    "pt": ["tags", "etiquetas", "tópicos", "publicado", "publicado em", "atualizado", "atualizado em",
        "tempo de leitura", "fonte"],
    "tr": ["etiketler", "anahtar kelimeler", "yayınlanma", "yayınlanma tarihi", "güncelleme", "güncellenme",
        "okuma süresi", "kaynak"],
    "ru": ["теги", "метки", "темы", "опубликовано", "обновлено", "время чтения", "источник"],
    "pl": ["tagi", "tematy", "opublikowano", "aktualizacja", "zaktualizowano", "czas czytania", "źródło"],
}
# Words that open a byline ("By John Smith", «Του Γιάννη Π.»): only at the top, short lines.
BYLINE_WORDS: dict[str, list[str]] = {
    "en": ["by", "written by", "reporting by"],
    "el": ["του", "της", "των", "από τον", "από την", "γράφει ο", "γράφει η"],
    "ro": ["de", "autor", "de către"],
    "ar": ["بقلم", "كتب", "كتبت", "إعداد"],
    "fr": ["par"],
    "de": ["von"],
    "es": ["por"],
    "it": ["di", "a cura di"],
    "pt": ["por"],
    "tr": ["yazan", "haber"],
    "ru": ["автор"],
    "pl": ["autor", "autorka"],
}
# "2 hours ago": words that make a number a relative time (top/bottom metadata lines).
AGO: dict[str, list[str]] = {
    "en": ["ago", "hours ago", "minutes ago", "mins ago", "hrs ago", "days ago"],
    "el": ["πριν", "πριν από", "ώρες πριν", "λεπτά πριν"],
    "ro": ["în urmă", "acum"],
    "ar": ["منذ"],
    "fr": ["il y a"],
    "de": ["vor"],
    "es": ["hace"],
    "it": ["fa"],
    "pt": ["há"],
    "tr": ["önce"],
    "ru": ["назад"],
    "pl": ["temu"],
}
# "5 min read" units.
READ_TIME: dict[str, list[str]] = {
    "en": ["min read", "minute read", "mins read", "minutes read"],
    "el": ["λεπτά ανάγνωσης", "λεπτό ανάγνωσης"],
    "ro": ["minute de citit", "min de citit", "minute citire"],
    "ar": ["دقائق قراءة", "دقيقة قراءة"],
    "fr": ["min de lecture", "minutes de lecture"],
    "de": ["min lesezeit", "minuten lesezeit"],
    "es": ["min de lectura", "minutos de lectura"],
    "it": ["min di lettura", "minuti di lettura"],
    "pt": ["min de leitura", "minutos de leitura"],
    "tr": ["dk okuma", "dakika okuma"],
    "ru": ["мин чтения"],
    "pl": ["min czytania"],
}

# --- captions and credits -------------------------------------------------------------------------
# Labels of a photo credit or caption: "Photo: Reuters", «Φωτογραφία: Eurokinissi».
CAPTION_LABELS: dict[str, list[str]] = {
    "en": ["photo", "photos", "photograph", "image", "picture", "pictured", "photo credit", "image credit",
        "credit", "credits", "caption", "main image", "top image", "file photo", "illustration"],
    "el": ["φωτογραφία", "φωτογραφίες", "φωτ", "φωτό", "πηγή φωτογραφίας", "λεζάντα", "εικόνα"],
    "ro": ["foto", "fotografie", "sursa foto", "imagine", "credit foto", "sursă foto"],
    "ar": ["صورة", "الصورة", "صور", "مصدر الصورة", "تصوير", "صورة أرشيفية"],
    "fr": ["photo", "crédit photo", "crédits photo", "crédit", "illustration", "image"],
    "de": ["foto", "bild", "bildquelle", "fotos", "bilder", "bildunterschrift"],
    "es": ["foto", "fotografía", "imagen", "crédito", "fuente foto"],
    "it": ["foto", "fotografia", "immagine", "credito"],
    "pt": ["foto", "fotografia", "imagem", "crédito"],
    "tr": ["fotoğraf", "foto", "görsel", "kaynak foto"],
    "ru": ["фото", "фотография", "изображение", "иллюстрация"],
    "pl": ["zdjęcie", "fot", "foto", "zdjęcia", "ilustracja"],
}
# Photo agencies and stock libraries, for credit lines ("REUTERS/Alkis Konstantinidis").
PHOTO_AGENCIES: list[str] = [
    "reuters", "ap", "afp", "epa", "epa-efe", "getty images", "getty", "shutterstock", "istock", "alamy",
    "eurokinissi", "intime news", "intime", "ana-mpa", "απε-μπε", "sooc", "inquam photos", "inquam",
    "agerpres", "mediafax", "news.ro", "dpa", "picture alliance", "ansa", "efe", "europa press", "anadolu",
    "anadolu agency", "aa", "tass", "ria novosti", "pap", "xinhua", "wana", "sipa", "abaca", "imago",
    "keystone", "belga", "anp", "lusa", "wafa", "mena", "spa", "wam", "qna", "kuna", "rtr", "handout",
    "pool", "ابا", "أ ف ب", "رويترز", "الأناضول", "وكالات", "كونا", "واس",
]

# --- dateline agencies ----------------------------------------------------------------------------
# News agencies named in a dateline, "ATHENS (Reuters) -": a signal that a new story starts.
DATELINE_AGENCIES: list[str] = [
    "reuters", "ap", "afp", "dpa", "efe", "ansa", "ana-mpa", "απε-μπε", "απε", "agerpres", "mediafax",
    "news.ro", "anadolu", "aa", "tass", "ria novosti", "interfax", "pap", "xinhua", "bloomberg", "upi",
    "cna", "mena", "wafa", "qna", "kuna", "wam", "spa", "أ ف ب", "رويترز", "وكالات", "الأناضول", "د ب أ",
    "واس", "قنا", "كونا", "وام", "بترا",
]

# --- stopwords for the topic-break detector -------------------------------------------------------
# Function words and newsroom filler ("said", «δήλωσε», «قال») that say nothing about a
# story's topic. Only words of 4+ letters matter: shorter ones are ignored anyway.
STOPWORDS: dict[str, list[str]] = {
    "en": ["that", "this", "with", "from", "have", "has", "had", "were", "been", "will", "would", "could",
        "should", "which", "their", "there", "they", "them", "than", "then", "when", "what", "where",
        "while", "about", "after", "before", "also", "into", "over", "more", "most", "some", "such", "only",
        "other", "these", "those", "being", "said", "says", "told", "added", "according", "reported",
        "year", "years", "today", "yesterday", "tomorrow", "week", "month", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "just", "very", "many", "much", "under",
        "between", "against", "during", "since", "because", "first", "last", "people", "your", "does",
        "didn", "still", "even", "both", "each", "made", "make", "like", "well", "back", "through", "where",
        "whose", "whom", "here", "time", "percent"],
    "el": ["είναι", "ήταν", "έχει", "είχε", "έχουν", "αυτό", "αυτή", "αυτός", "αυτά", "αυτές", "αυτών",
        "αυτούς", "στην", "στον", "στις", "στους", "στα", "στο", "στη", "από", "προς", "μετά", "πριν",
        "κατά", "όπως", "όταν", "αλλά", "ενώ", "οποίο", "οποία", "οποίος", "οποίες", "οποίων", "οποίους",
        "επίσης", "ακόμη", "ακόμα", "μέχρι", "μέσα", "πολύ", "όλοι", "όλες", "όλα", "όλων", "δεν", "μην",
        "θα", "για", "και", "ότι", "πως", "σήμερα", "χθες", "αύριο", "δήλωσε", "ανέφερε", "είπε", "τόνισε",
        "σημείωσε", "πρόσθεσε", "ανακοίνωσε", "σύμφωνα", "μεταξύ", "έναν", "μιας", "ενός", "τους", "τις",
        "των", "εβδομάδα", "χρόνια", "χρόνο", "έτος", "Δευτέρα", "Τρίτη", "Τετάρτη", "Πέμπτη", "Παρασκευή",
        "Σάββατο", "Κυριακή", "υπάρχει", "γίνει", "γίνεται", "μπορεί", "πρέπει", "λόγω", "περίπου", "εκεί",
        "εδώ", "τώρα", "πάνω", "κάτω", "όμως"],
    "ro": ["care", "este", "sunt", "fost", "pentru", "acest", "această", "aceste", "acești", "acesta",
        "aceasta", "despre", "după", "până", "prin", "între", "către", "spre", "într", "dintre", "când",
        "unde", "cum", "foarte", "mai", "doar", "încă", "avea", "având", "poate", "trebuie", "astfel",
        "aşa", "așa", "însă", "dar", "iar", "sau", "fiind", "vor", "va", "declarat", "spus", "precizat",
        "potrivit", "anunțat", "afirmat", "adăugat", "astăzi", "azi", "ieri", "mâine", "săptămâna", "anul",
        "anului", "ani", "luni", "marți", "miercuri", "joi", "vineri", "sâmbătă", "duminică", "toate",
        "toți", "unei", "unui", "acum", "aici", "acolo", "avut", "totuși", "deja", "fără", "asupra"],
    "ar": ["التي", "الذي", "الذين", "اللذين", "هذا", "هذه", "ذلك", "تلك", "على", "إلى", "الى", "عن", "في",
        "من", "مع", "بعد", "قبل", "حتى", "خلال", "بين", "عند", "كما", "لكن", "وقد", "قد", "كان", "كانت",
        "يكون", "تكون", "وكان", "وكانت", "أنه", "انه", "أنها", "إنه", "إن", "أن", "وأن", "وقال", "قال",
        "قالت", "وقالت", "أضاف", "وأضاف", "أكد", "وأكد", "أعلن", "وأعلن", "أشار", "وأشار", "وفق", "وفقا",
        "بحسب", "حسب", "اليوم", "أمس", "غدا", "الأسبوع", "العام", "عام", "السنة", "الاثنين", "الثلاثاء",
        "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "أيضا", "أيضاً", "منذ", "عندما", "حيث", "غير",
        "ولا", "وهو", "وهي", "هناك", "لدى", "نحو", "أكثر", "بشكل", "إلا", "كل", "بعض", "فيما", "التى",
        "وذلك", "لها", "لهم", "وفي", "ومن"],
    "fr": ["dans", "pour", "avec", "sans", "sous", "entre", "vers", "chez", "depuis", "pendant", "avant",
        "après", "contre", "cette", "ces", "leur", "leurs", "elle", "elles", "nous", "vous", "sont",
        "était", "étaient", "avait", "avaient", "sera", "seront", "serait", "être", "avoir", "fait",
        "faire", "plus", "moins", "très", "tout", "tous", "toute", "toutes", "aussi", "encore", "mais",
        "donc", "comme", "quand", "selon", "dont", "lors", "ainsi", "alors", "déclaré", "indiqué",
        "affirmé", "ajouté", "précisé", "annoncé", "aujourd'hui", "hier", "demain", "semaine", "année",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "même", "autres",
        "notamment", "selon", "quelque"],
    "de": ["sich", "nicht", "eine", "einer", "eines", "einem", "einen", "sind", "wird", "werden", "wurde",
        "wurden", "hatte", "hatten", "haben", "sein", "seine", "seiner", "ihre", "ihrer", "auch", "noch",
        "nach", "mehr", "über", "unter", "zwischen", "gegen", "während", "wegen", "bereits", "schon",
        "sowie", "dass", "diese", "dieser", "dieses", "diesem", "diesen", "aber", "oder", "wenn", "weil",
        "dann", "denn", "sagte", "erklärte", "teilte", "berichtete", "heute", "gestern", "morgen", "woche",
        "jahr", "jahre", "jahren", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
        "sonntag", "laut", "zufolge", "etwa", "rund", "bisher", "immer", "könnte", "sollen", "sollte",
        "müssen", "damit", "dabei", "dort"],
    "es": ["para", "como", "pero", "este", "esta", "estos", "estas", "ese", "esa", "entre", "sobre",
        "desde", "hasta", "durante", "contra", "tras", "según", "donde", "cuando", "porque", "también",
        "todo", "todos", "toda", "todas", "otro", "otros", "otra", "otras", "sido", "será", "sería", "han",
        "había", "habían", "tiene", "tienen", "puede", "pueden", "dijo", "afirmó", "explicó", "señaló",
        "indicó", "añadió", "aseguró", "anunció", "hoy", "ayer", "mañana", "semana", "año", "años", "lunes",
        "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "más", "menos", "muy", "ya", "aún",
        "sus"],
    "it": ["della", "delle", "degli", "dello", "nella", "nelle", "negli", "sono", "stato", "stata", "stati",
        "essere", "hanno", "aveva", "questo", "questa", "questi", "queste", "quello", "quella", "anche",
        "ancora", "come", "quando", "dove", "perché", "però", "mentre", "dopo", "prima", "contro",
        "secondo", "tutti", "tutto", "tutte", "molto", "più", "detto", "dichiarato", "spiegato", "aggiunto",
        "annunciato", "oggi", "ieri", "domani", "settimana", "anno", "anni", "lunedì", "martedì",
        "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "fino", "verso", "circa"],
    "pt": ["para", "como", "mais", "pelo", "pela", "pelos", "pelas", "este", "esta", "estes", "estas",
        "esse", "essa", "isso", "entre", "sobre", "desde", "até", "durante", "contra", "após", "segundo",
        "onde", "quando", "porque", "também", "todo", "todos", "toda", "todas", "outro", "outros", "outra",
        "outras", "sido", "será", "seria", "foram", "tinha", "tem", "têm", "pode", "podem", "disse",
        "afirmou", "explicou", "anunciou", "hoje", "ontem", "amanhã", "semana", "ano", "anos", "muito",
        "ainda", "já"],
    "tr": ["için", "olarak", "olan", "daha", "kadar", "sonra", "önce", "gibi", "ancak", "ama", "fakat",
        "veya", "ile", "bir", "bu", "şu", "o", "olduğu", "olduğunu", "ettiği", "edildi", "yapılan", "yaptı",
        "dedi", "söyledi", "açıkladı", "belirtti", "ifade", "etti", "bugün", "dün", "yarın", "hafta", "yıl",
        "yılı", "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar", "çok", "tüm",
        "bütün", "göre", "karşı", "arasında", "üzerinde", "ise", "değil", "şekilde", "oldu"],
    "ru": ["этот", "этой", "этого", "этом", "эти", "этих", "также", "только", "более", "после", "перед",
        "между", "через", "когда", "который", "которая", "которые", "которых", "чтобы", "потому", "очень",
        "было", "были", "будет", "будут", "может", "могут", "сказал", "заявил", "заявила", "сообщил",
        "сообщила", "отметил", "отметила", "добавил", "сегодня", "вчера", "завтра", "неделе", "году",
        "года", "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье", "всех",
        "всего", "своей", "своих", "свой", "однако", "уже", "ещё", "еще", "где", "там", "тоже", "по словам"],
    "pl": ["jest", "są", "był", "była", "było", "były", "będzie", "będą", "oraz", "także", "również",
        "który", "która", "które", "których", "tego", "tej", "tym", "przez", "przed", "między", "podczas",
        "według", "kiedy", "gdzie", "ponieważ", "jednak", "bardzo", "tylko", "jeszcze", "już", "powiedział",
        "powiedziała", "poinformował", "dodał", "dziś", "dzisiaj", "wczoraj", "jutro", "tydzień", "roku",
        "lat", "poniedziałek", "wtorek", "środę", "czwartek", "piątek", "sobotę", "niedzielę", "wszystkie",
        "wszystko"],
}

# fmt: on


def merged(table: dict[str, list[str]]) -> list[str]:
    """All phrases of a per-language table, once each, longest first (for regex alternation).

    >>> merged({"en": ["share", "share on"], "fr": ["partager"]})[0]
    'share on'
    """
    seen: dict[str, None] = {}
    for words in table.values():
        for w in words:
            seen.setdefault(w, None)
    return sorted(seen, key=len, reverse=True)
