"""Words that say a date is the last moment for suppliers to ask questions: of a first round,
and of a round about the answers already published."""

from __future__ import annotations

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
    r"|demandes? de renseignements|informations compl\u00e9mentaires"
)
