"""Words that say a date is when the buyer publishes its answers to the suppliers' questions: a
nota van inlichtingen, a Q&A log, clarification responses."""

from __future__ import annotations

ANSWER_WORDS = (
    # not the name of where questions go: 'via the "Questions and answers" tab', "in de
    # Vragen en antwoorden-module"
    # not "verantwoordelijke", "verantwoording": who is responsible, an account
    r"(?<!ver)antwoord(?!en\W{0,2}[\s-](tab|tabblad|module|sectie|rubriek|functie|forum|pagina)\b)"
    r"|nota(['\u2019]?s)? van inlichtingen|\bnvi\b|\br\u00e9ponses?\b|\bnotes? of information\b"
    r"|\banswer(s|ed)?\b(?!\W{0,2}\s(tab|section|module|forum|function|page|area|menu)\b)"
    r"|\b(eerste|tweede|derde|laatste|volgende) nota\b"
    r"|\bq\s?&\s?a (\([^()]{1,15}\) )?(document|list|log|will be|is|are|published|shared"
    r"|available)"
    r"|\bq\s?&\s?a\W{0,3}$"
    r"|publication of (the )?q\s?&\s?a"
    r"|clarifications? (will be )?publish|memorandum of (information|clarification)"
    r"|\bclarifications? (are |will be |shall be )?(issued|circulated|sent out)\b"
    r"|information memorandum|clarifications? (note|document|bulletin|memorandum|memo)"
    r"|beantwoording"
    r"|\b(responses?|replies) to (the |all |any )?(clarification |tender |bidders'? )?"
    r"(questions|queries|clarifications|clarification requests|requests for clarification)"
    r"|\b(issue|publication) of (the )?(responses|replies)"
    r"|\b(responses|replies)\b.{0,30}\b(circulated|published|shared|issued|made available)\b"
    # "SQ clarification log", not "Deadline for ITT responses" (the tenders themselves)
    r"|\bclarification (responses|answers|log)\b|\b(sq|itt) (answers|log)\b"
    # "The final version of this log will be published no later than"
    r"|\b(this|the) (clarification |q\s?&\s?a )?log (will|shall) be (published|issued|updated)\b"
    r"|\bpublish\w{0,3} (the |a |an )?"
    r"(q\s?&\s?a|faq|clarifications)"
    # "We will publish all outstanding responses on this page by"
    r"|\b(publish|issue|circulate)\w{0,3} (all |the |our |any |its |their |a |an )?"
    r"(\w{1,20} ){0,3}?(responses?|answers|replies|clarifications)\b"
    r"|publication of (the )?(last |final |further )?(clarifications?|answers|responses|replies"
    r"|q\s?&\s?a|faq)"
    # "CPD will endeavour to respond to all clarification questions by": the buyer replies
    r"|\b(will|shall|endeavour to|aims? to|intends? to|expects? to|plans? to)\s(\w{1,20}\s)?"
    r"(respond|reply)\sto\s(all\s|the\s|any\s|each\s)?(\w{1,20}\s)?"
    r"(questions|queries|clarifications?|clarification requests)\b"
    # "Last date on which Frontex replies to requests for additional information"
    r"|\b(replies|responds|answers) to (the )?(requests for (additional |further )?information"
    r"|questions|queries)\b"
    # "EMSA will reply no later than", under a heading of questions: the buyer's replies
    r"|\b(will|shall)\s(reply|respond)\s(no later than|not later than|by|before|on)\b"
)
