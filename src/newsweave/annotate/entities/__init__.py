"""People, organisations and armed groups, merged across spellings and scripts.

Four sources:

1. ``data/entities/aliases.tsv``: ~160 well-known actors with their names in
   en el ro ar fr de es ru tr (see the README there). A match gives the stable key
   ``alias:<key>``, so «داعش», «Ισλαμικό Κράτος» and "ISIS" are one entity.
2. National institutions, ``data/entities/institutions.tsv`` (see
   :mod:`newsweave.annotate.institutions`): "Sudanese army", «الجيش السوداني», «Армия Судана»
   are ``inst:SD:army``.
3. Organisation names by head noun in el, ro, ar, fr, it, es, de, pt (``data/entities/org_words.tsv``):
   «Γεωδυναμικό Ινστιτούτο του Εθνικού Αστεροσκοπείου Αθηνών», "Inspectoratul General pentru
   Situații de Urgență", «خلية الإعلام الأمني», «جامعة بغداد», «l'Institut national de physique de la
   Terre», with a word-by-word English gloss as an alias ("Geodynamic Institute National Observatory
   Athens") so that they meet the English name. A company of the alias table followed by a sector
   word ("Samsung Electronics", «سامسونغ للإلكترونيات») also gets that full name as an alias.
4. Statistics for everything else: runs of capitalised words (cased scripts) that
   are not at the start of a sentence or occur at least twice, with titles,
   demonyms, dates and stopwords trimmed; for Arabic (no capitals), the one or two words after a
   title (الرئيس، وزير الخارجية، المتحدث باسم …), and people found by a listed given name
   (``data/entities/ar_given_names.txt``) with up to three name words after it, wherever they
   stand («وقال مدير الصحة في المحافظة خالد حسن العبيدي»; see :func:`_arabic_name_candidates`), and
   foreign names in Arabic script by role, rank, nationality, speech verb and the shape of
   transliterations («وقال المتحدث باسم الشرطة كوستاس تساكالوس», «وفازت الإسبانية كارلا مونتيرو»; see
   :func:`_arabic_foreign_candidates`). A Greek place or nationality written before a full name
   qualifies a role and is not part of it («ο δήμαρχος Πάτρας Κώστας Βασιλείου»). Their key is a transliterated,
   de-accented, lightly stemmed skeleton (``lat:mitsotak``) so that "Mitsotakis"
   and «Μητσοτάκη» meet; people are keyed on their surname, everything else on all
   its words ("North Zandia" and "South Zandia" are two keys; a direction, place or
   building word makes a name not a person). Not names: units ("5,9 Ρίχτερ"),
   quantities opening a sentence ("Zeci de mii", «Четверо»), places with a generic
   word ("Stadt Dilling"), squares and stadiums ("Piața Victoriei", "Toumba Stadium"),
   one-word names only ever written as a location («στην Τούμπα», "in Santorini"). The
   Arabic article inside a Latin or Greek name is part of it ("Yasser al-Hakim",
   «Γιάσερ αλ-Χακίμ»), and left out of the key ("al-Hakim" and "Hakim" are one surname).

Keys are exact. People whose names they do not bring together across scripts (Arabic script,
Greek spellings of foreign names) are compared by :func:`same_person_name`, a consonant-class
skeleton of the first and last words, when describe merges actors (see the comment above
:func:`cross_name_keys` and ``data/entities/README.md``).

>>> [(e.key, e.count) for e in extract_entities("Το Ισλαμικό Κράτος ανέλαβε την ευθύνη. ISIS ...", "el")]
[('alias:isis', 2)]
"""

# The package's modules, by concern (each imports only the ones before it):
#   _common  word sets, date words, sorted-span tests
#   aliases  the alias table and its matches in a text
#   names    exact and cross-script name keys, same_person_name
#   glosses  English glosses of organisation words
#   cased    capitalised runs in cased scripts
#   arabic   Arabic-script names and spelled-out acronyms
#   orgs     organisations by head noun, companies' full names
#   extract  extract_entities, resolve_name: everything merged into entities
from __future__ import annotations

from newsweave.annotate.entities.aliases import ALIAS_FILE
from newsweave.annotate.entities.aliases import _alias_matches as _alias_matches
from newsweave.annotate.entities.aliases import _aliases as _aliases
from newsweave.annotate.entities.arabic import _ar_demonym as _ar_demonym
from newsweave.annotate.entities.arabic import _ar_foreign_shape as _ar_foreign_shape
from newsweave.annotate.entities.arabic import _arabic_foreign_candidates as _arabic_foreign_candidates
from newsweave.annotate.entities.extract import _extract as _extract
from newsweave.annotate.entities.extract import extract_entities
from newsweave.annotate.entities.extract import resolve_name as resolve_name
from newsweave.annotate.entities.names import cross_name_keys, cross_name_variants, name_key, same_person_name

__all__ = ["extract_entities", "name_key", "cross_name_keys", "cross_name_variants", "same_person_name", "ALIAS_FILE"]
