"""Words that say a date is when suppliers hear the outcome of the whole procedure: the award
told to the bidders, not the selection of a first phase (``selection``)."""

from __future__ import annotations

OUTCOME_WORDS = (
    r"(successful|winning|preferred) (supplier|bidder|tenderer|candidate|provider)\b.{0,30}"
    r"\b(notified|informed|announced)"
    r"|\bappoint(ment of)? (a |the )?(successful )?(supplier|contractor|provider|bidder)\b"
    r"|(notified|informed) (of|about) the (outcome|result)( of the (tender|evaluation"
    r"|procurement))?\W{0,3}((by|on)\b)?\W{0,3}$"
    # "expects to notify the outcome of the evaluation to all tenderers by"
    r"|\bnotify (\w{1,20} ){0,2}?the (outcome|result)s? of the (tender|evaluation|procurement"
    r"|competition)\b"
    r"|(terugkoppeling|feedback) (over |van |op |on )?(de |the )?(gunning|award)"
    # the outcome of the whole request, not of a selection of it
    r"|\b(definitieve )?keuze (voor |van )?(de |een )?kandidaat|bekendmaking (van de )?winnaar"
    r"|\bdefinitieve keuze\b"
    # a request's field "Uitslag: uiterlijk vrijdag 18-12-2026 via het VMS": its outcome
    r"|^\W{0,3}(uitslag|outcome|result|beslissing|decision)\s{0,3}:"
    # French: "Décision du client : vendredi 18/12"
    r"|\bd\u00e9cision (du client|d'attribution|finale)\b"
    # "she expects to make a decision by", "de opdrachtgever neemt uiterlijk ... een besluit"
    r"|\b(make|makes|take|takes|neemt|nemen) (a |the |her |his |their |een |het )?(final "
    r"|definitieve? )?(decision|besluit|beslissing)\b(?! (on|about|over) (the |de )?(shortlist"
    r"|selecti))"
    # the UK's Procurement Act: the assessment summaries go out with the award decision
    r"|\b(issue|publish|send)\w{0,3} (\w{1,12} ){0,2}?assessment summar(y|ies)\b"
    r"|\bassessment summar(y|ies) (\w{1,12} ){0,4}?(issued|published|sent)\b"
    # "Moderation complete / outcome letters issued": the letters that tell the outcome
    r"|\b(outcome|award|result) (letters?|notifications?) (\w{1,12} )?(issued|sent"
    r"|dispatched|released)\b|\b(issue|dispatch|send)\w{0,3} (of )?(the )?(outcome|award) letters\b"
    r"|\b(bericht|uitsluitsel) over (de |het )?(uitkomst|uitslag|resultaat)\b"
    # "Alle kandidaten krijgen uiterlijk woensdag 23/12 bericht over de beslissing"
    r"|\b(bericht|uitsluitsel) over (de |het )?(beslissing|besluit)\b(?! (over|tot|van) (de )?"
    r"(shortlist|selectie|uitnodiging))"
    # "De uitslag van de gesprekken ontvangt u uiterlijk": the choice after the last step
    r"|\b(uitslag|uitkomst|outcome|result) (van|of) (de |the )?(gesprekken|interviews"
    r"|presentaties|presentations)\b"
    # "Communication of the outcome ....", "Mededeling van het besluit:"
    r"|\b(communication|announcement|mededeling|bekendmaking) (of|van) (the |de |het )?(outcome"
    r"|result|decision|uitslag|uitkomst|resultaat|besluit|beslissing)s?\b"
    r"(?![^.;:]{0,30}\b(selecti|shortlist|sq\b|pqq|eerste ronde|first stage|stage 1))"
    r"|\bof (je|jouw|uw) kandida\w{1,4} de opdracht (krijgt|krijgen|heeft)\b"
    r"(?! van de (cv|sel))"
)
