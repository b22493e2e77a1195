"""Words that say a date is the deadline for requests to participate: the selection stage of
a restricted or negotiated procedure, an expression of interest, a selection questionnaire."""

from __future__ import annotations

PARTICIPATION_WORDS = (
    r"verzoek(en)? tot deelneming|aanvra(ag|gen) tot deelneming|deelnemingsverzoek"
    r"|verzoek(en)? (tot|om) toelating|toelatingsverzoek"
    r"|aanmelding|aanmelden|\bmeld\w{0,2} (u|je|zich|uw organisatie) .{0,40}\baan\b"
    r"|requests? (to|for) participat|expressions? of interest|conditions of participation"
    r"|demandes? de participation|\bcandidatures\b"
    r"|express(ing)? (your |their |its )?interest"
    r"|interest (must|should|can) be expressed|belangstellingsregistratie"
    r"|\b(sqs?|pqqs?|saqs?|selection questionnaires?|(pre-?)?qualification questionnaires?"
    r"|suitability assessment questionnaires?|psqs?|procurement specific questionnaires?"
    r"|e?spds?|uea|uniform europees aanbestedingsdocument)\b"
    r"|selectiefase|selection (phase|stage)|participation stage"
    # "Tender participation deadline" (UK Procurement Act 2023 notices)
    r"|\bparticipation deadline\b"
    # "Stage 1 responses due": the first stage of two is the selection's
    r"|\b(stage|phase|fase) (1|one|i)\b[^.;]{0,20}\b(responses?|submissions?|returns?|due"
    r"|deadline|sluiting)\b"
    r"|\b(applications?|aanvra(ag|gen)) (for|to|tot) (\w{1,12} )?"
    r"(pre-?qualification|prekwalificatie)"
    # a request to be admitted to the dynamic purchasing system the call-off is made under
    r"|\bapply (\w{1,20} ){0,2}?to join\b|\bapplications? to join\b"
)
