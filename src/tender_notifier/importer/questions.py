"""Words that say a date is the last moment for suppliers to ask questions: of a first round,
and of a round about the answers already published."""

from __future__ import annotations

import re

# A question of a Q&A log, whose dates the answer settles: "Q: ...", "Vraag: ...", "V1
# (27-11-2026): Is het mogelijk om te starten op 18 januari in plaats van 11 januari?"; a cell of
# a table that asks is one too ("Wilt u ... mailen?" in a mail is a request, and is read)
ASKED = re.compile(
    r"\W{0,3}((q|vraag|question)\s{0,3}:"
    r"|(q|v|vraag|question)\s{0,3}\d{1,3}\b[^?]{0,300}\?\s{0,3}$)",
    re.IGNORECASE,
)
# The label of a question in a log, before what it asks: "Vraag 4:", "Question 12.", "Q3)", "V5:"
QUESTION_LABEL = re.compile(
    r"^\W{0,3}(q|v|vraag|question)\s{0,3}\d{0,3}\s{0,3}[:.)](?!\d)\s{0,3}", re.I
)
# "Antwoord: De schouw op 10 december 2026 ...", "A: Yes. Site visits will take place on": the
# label of an answer in a log of questions
ANSWER_LABEL = re.compile(
    r"^\W{0,3}(antwoord|antw|answer|response|reply|resp|a|r)\s{0,3}\d{0,3}\s{0,3}[:.](?!\d)\s{0,3}",
    re.I,
)
# A question that opens with its verb or a question word ("Can we assume the contract will start
# on 1 March 2027?"), not a date the text is unsure of ("uiterlijk 1 december 2027? (in overleg)")
QUESTION = re.compile(
    r"^\W{0,3}(can|could|may|might|will|would|is|are|do|does|did|should|shall|when|what|where"
    r"|which|who|how|why|kan|kunnen|kunt|mag|mogen|zijn|wordt|worden|wanneer|wat|waar|welke|hoe"
    r"|waarom|klopt|moet|moeten|zal|zullen|gaat|gaan)\b",
    re.IGNORECASE,
)
# A request put as a question, whose date is a step all the same: "Laat je mij uiterlijk
# maandag 14 december 12:00 uur weten of dit tijdslot past?", "kan u ons tegen 12 januari ...?"
REQUEST = re.compile(
    r"\b(kan u|kunt u|kun je|kan je|wilt u|wil je|laat (u|je)|zou u|zou je|could you"
    r"|can you|would you|will you|please|gelieve)\b",
    re.IGNORECASE,
)

QUESTIONS_ON_ANSWERS = (
    # questions about the first answers: "Vragen naar aanleiding van de eerste nota van
    # inlichtingen kunnen worden gesteld tot" is a second questions round
    # "vragen ronde 2 (alleen over NvI 1 en gewijzigde stukken)"
    r"\b(vragen|questions)\s(\(?\w{1,20},?\s){0,4}(naar aanleiding van|n\.\s?a\.\s?v\.|over|about"
    r"|on|regarding|concerning|in response to)\s(de |het |the )?(\w{1,20}\s)?"
    r"(nota(['\u2019]?s)? van inlichtingen|nvi|antwoorden|answers|q\s?&\s?a)"
    r"|\bq\s?&\s?a[- ](deadline|round|ronde|cut-?off|closes)|deadline (for )?(the )?q\s?&\s?a"
    # "Naar aanleiding van de nota van inlichtingen kunnen nog aanvullende vragen worden"
    r"|(naar aanleiding van|n\.\s?a\.\s?v\.|following|in response to) (de |het |the )?"
    r"(\w{1,20}\s)?(nota(['\u2019]?s)? van inlichtingen|nvi|antwoorden|answers|q\s?&\s?a)\b"
    r"[^.;]{0,40}(vragen|questions)\b"
)

QUESTION_WORDS = (
    # not "Presentations and clarification interviews for the three highest-scoring bidders"
    # (not the verb: "Wij vragen u de kandidaat beschikbaar te houden", "vragen wij u")
    r"(?<!\bwij )(?<!\bwe )(?<!\bik )\bvra(ag|gen)(?!lijst)(?!\s{1,3}(u|jullie|je|wij|we|ik|om)\b)"
    r"|vragenronde|\bquestions?\b(?! ?naire)"
    r"|clarification(?!s? (interview|meeting|presentation))|\benquir(y|ies)\b|\bqueries\b"
    r"|inlichtingen|verduidelijking|request(s|ing)? (for )?(any )?(additional|further)"
    r" information"
    r"|informatieverzoek|verzoek(en)? om (informatie|verduidelijking)"
    r"|(aanvragen|opvragen|verzoek\w{0,2} om) (van )?(aanvullende|nadere) informatie"
    r"|demandes? de renseignements|informations (compl\u00e9mentaires|suppl\u00e9mentaires)"
)
