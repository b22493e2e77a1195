"""Words that say a date is real but no step of this procedure: what already happened, what is
over, the terms of other things, documents and laws, other procedures.

``rules`` puts ``BACKGROUND_WORDS`` into its table, after answers and questions about answers
and before the steps; ``past_or_void`` reads a date's words on both sides, for what one side
alone does not say ("is op <date> gepubliceerd", "(sluitingsdatum <date>) is ingetrokken").
Every gap is bounded, so each search is linear.
"""

from __future__ import annotations

import re

from .holidays import on_a_holiday
from .replaced import replaced_after

# A past participle: Dutch ones with their prefixes ("gesloten", "ingesteld", "beantwoord",
# "verstuurd"), English ones by name. What is planned is not done: "is gepland op".
DONE = (
    r"(?!(in)?gepland|geagendeerd|voorzien|vastgesteld|vastgelegd|gesteld|bepaald|gezet|verwacht"
    r"|beoogd|gewenst|vereist|gevraagd|benodigd|geraamd|begroot|verplaatst|verschoven|gewijzigd"
    # verbs of the present that look like participles
    r"|begint|bedraagt|bevat|betreft|bestaat|behoort|beschikt|ontvangt|verzorgt|verwerkt)"
    r"(\w{0,5}?(ge|be|ver|ont|her)\w{2,20}(d|t|en)|ontstaan|opgericht|afgerond|closed|published"
    r"|held|issued|sent|signed|concluded|awarded|completed|ended|opened|founded|answered|amended"
    r"|modified|updated|corrected|revised|released|launched|uploaded|posted|made available)"
)
# The making of a copy of a text, whose day is no step: "Q&A log exported 15/01/2026 17:02"
COPY_MADE = r"(exported|generated|printed|geëxporteerd|gegenereerd|afgedrukt)"
# "de eerste nota van inlichtingen is op <date> gepubliceerd": the words on both sides say it
_DONE_BEFORE = re.compile(r"\b(is|zijn|werd|werden)\s{1,3}(op|per)\W{0,3}$", re.IGNORECASE)
_DONE_AFTER = re.compile(rf"^\W{{0,3}}(\w{{1,20}}\s{{1,3}}){{0,4}}?{DONE}\b", re.IGNORECASE)
# "Op <date> heeft de gemeente een marktconsultatie gehouden", "In de eerste ronde (sluiting
# 19 november 2026) zijn onvoldoende kandidaten aangeboden"
_HAD_AFTER = re.compile(
    rf"^\W{{0,3}}(heeft|hebben|had|has|have|zijn|werden|werd|was|were)\s{{1,3}}([\w'’]{{1,20}}\s{{1,3}}){{0,5}}?{DONE}\b",
    re.IGNORECASE,
)
# "The mandatory site visit of 1 December 2026 took place as planned"
_TOOK_PLACE_AFTER = re.compile(
    r"^\W{0,3}(\w{1,20}\s{1,3}){0,2}?(took place|(has|have) taken place"
    r"|(heeft|hebben) plaatsgevonden|(vond|vonden) plaats)\b",
    re.IGNORECASE,
)
BACKGROUND_WORDS = (
    r"publicatie|\bgepubliceerd\b|(geplaatst|verschenen) op|\bpubli\u00e9e?\b"
    # not "replies will be published on the portal by": a step ahead
    r"|(?<!can be )(?<!may be )(?<!will be )(?<!to be )(?<!shall be )\bpublished\b"
    r"|\bpublication\b|(?<!can be )(?<!may be )\bposted\b|\bsinds\b|\bsince\b"
    # "Einde (zonder verlenging)" is the end all the same
    r"|(?<!zonder )(?<!geen )verleng|(?<!without )(?<!excluding )(?<!no )extension|\boptie"
    # not "optional", "optioneel": an optional site visit is one all the same
    r"|\boption(?!al|eel)"
    # the end the options reach: "may extend the framework twice (maximum end date 31/03/2031)"
    r"|\b(maximum|max\.?|maximale) (end date|einddatum|looptijd|duration)\b|\brenewals?\b"
    r"|\b(extendable|extendible|extensible|renewable|hernieuwbaar|vernieuwbaar)\b"
    # "telkens één jaar, maximaal driemaal (uiterlijk tot 31/12/2030)": the renewals' end
    r"|\b(maximaal|max\.|hooguit|ten hoogste)\s(\w{1,5}maal|\d\s?(maal|keer)"
    r"|(een|één|twee|drie|vier) keer)\b"
    r"|\b(may|can|could|kan|kunnen|mag|mogen)\s(\w{1,20}\s){0,3}?(extend|renew|verlengen"
    r"|be extended|be renewed|worden verlengd)\b"
    r"|\b(huidige|zittende|current|incumbent)\b(?!\s(waarde|value)\b)"
    r"|\b(het|de|the|our|ons) (bestaande|existing)\b"
    r"|present (contract|agreement|supplier|provider)"
    # the first phase's documents going out: the notice itself ("Issue of Suitability
    # Assessment Questionnaire: 01/12/2026")
    r"|\bissue of (the )?(suitability assessment |selection |pre-?qualification )?"
    r"(questionnaire|saq|sq|pqq)\b"
    # a broker's mail: "De klant sluit zelf op 10 december", the client's own deadline
    r"|\b(de klant|the client|eindklant|end client)('s)?\s(\w{1,12}\s)?(sluit|closes|deadline)"
    # an opening no supplier attends: "Opening inschrijvingen (niet openbaar)"
    r"|\b(niet[- ]openbare|non-public|besloten) opening|\bopening\b[^.;:|]{0,30}\((niet[- ]openbaar"
    r"|non-public|not public|besloten)\)"
    r"|(contract|overeenkomst) met de huidige"
    # the day a round of questions opens is no deadline: "Start vragenronde: 2026-12-02"
    r"|\b(start|begin|aanvang|opening)\s(van\s)?(de\s|the\s)?(vragenronde|vragenperiode"
    r"|vraagperiode|(clarification|questions?|q\s?&\s?a)\s(period|round|window))\b"
    r"|\b(expire[sd]?|expiring|expiry of (the |its )?(current|existing|present))\b|\bverloopt\b"
    r"|in werking getreden|came into (force|effect)|entered into force|took effect"
    r"|ingesteld op|\bestablished\b|\bontstaan\b|\badopted\b|vastgesteld door"
    # prices, wages and later rounds of an open procedure are not this procedure's steps
    r"|prijspeil|prijsniveau|price level|\bindex(ed|ation)\b|\bcao\b"
    # later rounds of admission, not the first, which is this procedure's
    r"|collective (labour )?agreement|(?<!eerste )(?<!first )(toetredings|toelatings|aanmeldings)"
    r"ronde|aanmeldperiode"
    r"|(admission|entry) (round|window)"
    r"|(documents|documenten|stukken|leidraad)\b.{0,30}\b(available|beschikbaar)"
    # invoices are sent and paid on dates of their own
    r"|\b(factu(ur|ren|reer\w{0,2}|ratie\w{0,2}|reert)|invoic\w{1,5})\b"
    # days the buyer or its platform is away, not steps of the procedure
    r"|\b(un|not )available|niet beschikbaar|afwezig|verlof(periode|dagen)?\b|vakantie"
    r"|kerstperiode|bouwvak|zomerreces|summer (holiday|break|recess)|\bniet ouder (zijn )?dan"
    r"|\bno older than"
    # the seasons that bound the works: "in het broedseizoen (15 maart tot en met 15 juli)"
    r"|\b(vogel)?broedseizoen|\bbroedperiode|\b(breeding|nesting|bird nesting) season\b"
    # "Het maaiseizoen loopt in de regel van 15 mei tot en met 15 november"
    r"|\b\w{2,12}seizoen\b|\b(mowing|growing|cutting|grass[- ]cutting|heating) season\b"
    r"|kerstreces|feestdagen|holiday (period|season)|christmas (period|break|holiday)|\breces\b"
    r"|\brecess\b|zomersluiting|kerstsluiting|\b(gesloten|closed|ferm\u00e9e?) (van|from|between"
    r"|tussen|du)\b|\bcong\u00e9s\b"
    r"|\bbouwverlo(f|ven)\b"
    # "our offices close for the summer shutdown between 30 July and 1 August"
    # "All times are Luxembourg time (CET until 27 March 2027": the clock's change, no step
    r"|\b(CET|CEST|GMT|BST|summer ?time|winter ?time|zomertijd|wintertijd)\s(until|till|from"
    r"|as of|tot|vanaf)\W{0,3}$"
    r"|\bshut-?down\b|\b(offices?|kantoor|kantoren|schools?|campus|kitchen|library|premises"
    r"|gebouw|stadhuis|gemeentehuis)\s(\w{1,12}\s){0,2}?(close|closes|sluit|sluiten|reopens"
    r"|re-opens)\b"
    r"|\b(is|are) closed\b|\bgesloten (is|zijn)\b"
    # "is de Inhuurdesk beperkt bereikbaar", "in die periode vindt geen screening plaats"
    r"|\b(beperkt|slecht|niet) (bereikbaar|geopend)\b|\b(limited|reduced) (availability|service)\b"
    r"|\b(vindt|vinden) (er )?(dan )?geen \w{1,20} plaats\b|\bno \w{1,20} (will )?take place\b"
    # "alleen toegestaan buiten het broedseizoen (15 maart – 15 juli)"
    r"|\b(buiten|outside)\b[^.;:]{0,40}$"
    r"|(gepland|scheduled|platform) (onderhoud|maintenance)|onderhoud aan het|storing|outage"
    # what is over, and the terms of things other than the assignment
    r"|\b(liep|liepen|duurde|ran|lasted|gestart|begonnen|started|began|sloot|sloten|eindigde"
    r"|eindigden|toen|destijds|at the time)\b|plaatsgevonden"
    r"|took place|has taken place|(was|were) held|\breeds\b|\bgeldig\b"
    r"|\b(vond|vonden)\s(\w{1,30}\s){0,3}?plaats\b"
    r"|\b(subsidie|programma|strategie|beleidsplan|beleid|coalitieakkoord|begroting|licentie"
    r"|concessie|wet|wetgeving|regeling|richtlijn|verordening|programme|program|strategy|funding"
    r"|financiering|policy|subsidy|grant|licen[cs]e|concession|law|act|directive|regulation)\b.{0,40}"
    r"\b(loopt|lopen|runs?|lasts?|duurt|geldt|applies|treedt|in werking|in force|into force"
    r"|takes effect|van kracht)\b"
    r"|laatst gewijzigd|last (updated|modified)|opgericht|founded|besloten|decided"
    # the day the announcement was changed: "Aangepast op 10 juli 2027: ..."
    r"|^\W{0,3}(aangepast|gewijzigd|bijgewerkt|geactualiseerd|updated|amended|revised|modified"
    r"|changed) (op|per|on)\W{0,3}$"
    # (not "Update: de pitches zijn verplaatst naar", a label over the news it brings)
    r"|\bupdate\b(?!\s{0,2}:\s{0,3}[^\W\d_])"
    r"|\bversies?\b|\bversions?\b|datum (van )?(het |dit )?document|document date"
    # "This log supersedes versions 1 (issued 27/07/2027) and 2": the earlier copies
    r"|\bsupersedes?\b"
    # the day of a change, not "Wijziging 1: de sluitingsdatum is gewijzigd van ..."
    # ("Rectificatie 2 van 3 december 2026"), not "Rectificatie: de sluitingsdatum is ..." nor
    # "quick correction to yesterday's mail: quotes are due"
    r"|\bwijziging\W{0,3}$|datum (van de )?wijziging"
    r"|(rectificatie|corrigendum|erratum|\bcorrection)\b(?!\s{0,2}:\s{0,3}[^\W\d])"
    r"(?!\s(to|of|op|van)\s(\w{1,12}('s)?\s){0,2}(mail|e-?mail|message|bericht|letter|brief)\b)"
    r"|(vorige|bestaande|lopende) \w{0,20}(contract|overeenkomst|aanbesteding)"
    r"|(previous|existing) (\w{1,20} )?(contract|agreement|framework|arrangement)"
    # "vóór de start van het schooljaar op 1 september": a year's start, not the work's (not
    # "De opdracht start bij aanvang van het schooljaar")
    r"|(?<!\bbij aanvang van )(?<!\bbij de start van )(?<!\bat the start of )"
    r"\b(het|the) (nieuwe |new )?(school|academic|studie|college) ?(year|jaar)\b"
    # a phase of the procedure, not of the work ("Start ontwerpfase: 1 september 2027")
    r"|(start|aanvang) (van )?(de |het )?((?!ontwerp|uitvoering|bouw|realisatie|implementatie)"
    r"\w{0,20}fase|procedure|aanbesteding|tender|consultatie|das)\b"
    r"|start of (the )?(?!design|delivery|construction|implementation)\w{0,20} ?(phase|stage)"
    r"|gestand|verbintenistermijn|geldig blijven|\b(valid|binding) until|maintain the tender"
    r"|\bvalidity\b|\b(are|is|remain|remains) (legally )?binding\b|\bbindend tot\b"
    r"|geldigheid|\b(remain|remains|stay|stays|blijft|blijven)\s(\w{1,12}\s)?(valid|geldig"
    r"|van kracht|in force)\b"
    r"|\b(beoordeling|evaluatie|evaluation|assessment) (van )?(de |the |of (the )?)?"
    r"(\w{1,12} )?(inschrijving|offerte|aanmelding|tender|bid|proposal|aanbieding|responses"
    r"|submissions|verzoek|deelnemingsverzoek|requests? to participate|cv|kandida|candidate"
    r"|applications)"
    r"|start of (the )?(procedure|tender|tendering)"
    r"|(dynamisch aankoopsysteem|dynamic purchasing system|\bdas\b|\bdps\b|raamovereenkomst"
    r"|raamcontract|framework( agreement)?)"
    r".{0,30}(loopt|runs|geldig|valid|expires|verloopt)"
    r"|dispatch of (this|the) notice|verzending van (deze|dit|de) (aankondiging|bericht)"
    # the request itself sent out: its publication, in a procedure of one phase
    r"|(verzend\w{0,3}|versturen|verstuurd|verzonden|dispatch|issue[sd]?) (van |of )?"
    r"(de |het |the |this )?"
    r"(offerteaanvraag|aanvraag|uitvraag|rfp|rfq|request for (proposal|quotation|tender))\b"
    r"|\b(offerteaanvraag|uitvraag|rfp|rfq) (was |is |wordt |will be )?"
    r"(issued|verstuurd|verzonden)"
    # another procedure: the earlier request, the previous tender, a first attempt
    r"|\b(eerdere|vorige|voorgaande|oude|previous|earlier|prior|former)\s(\w{1,20}\s)?"
    r"(aanvraag|uitvraag|aanbesteding|procedure|vacature|tender|request|procurement|rfp|rfq"
    r"|ronde|round|call-off|opdracht)\b"
    # "call-off 2027-113, which had a deadline of <date>"
    r"|\b(which|that|die|dat|welke) (had|hadden|was|were|werd|werden)\b[^.;]{0,40}$"
    # a date given as an example, a day the buyer or the supplier is not there
    r"|\b(for example|for instance|example|e\.g\.|bijvoorbeeld|bijv\.|(?<=\()(?-i:bv\.)|zoals op"
    r"|par exemple|p\.\s?ex\.)"
    r"(\W{1,3}[\w']{1,20}){0,9}\W{0,3}$"
    # a step of the table that is done: "| Marktconsultatie | afgerond | 15 januari 2027 |"
    r"|\b(afgerond|voltooid|completed|done)\W{0,3}$"
    r"|\b(niet|not) (in|op|tijdens|gedurende|during|on|between|tussen)\b[^.;:]{0,25}$"
    # what was attended: "Thank you to all who attended the site visit ... on Tuesday 24 November"
    r"|\b(attended|bijgewoond|bijwoonden|took part in|deelnamen aan|aanwezig waren bij"
    r"|(were|was) (unable|not able) to attend|(could not|couldn't|did not|didn't) attend)\b"
    r"[^.;]{0,80}$"
    # wages: "a further pay award is expected from 1 April 2027"
    r"|\bpay (award|rise|increase)s?\b"
)

# "(Batch 2, published 2 December 2026)" under a heading: the day of the text itself
BRACKETED_COPY = r"\(\s{0,3}([^()]{0,25}[,;]\s{0,3})?(published|issued|gepubliceerd)\b[^()\d]{0,30}"

# The entry of a log of questions: "Q7 - Asked 02/12/2026 - Answered 03/12/2026", "Gesteld:
# 01-12-2026 14:31", "Datum vraag: 19-01-2027 14:07", "Laatste update: 07-12-2026"
LOG_ENTRY_WORDS = (
    r"\b(asked|answered|raised|gesteld|beantwoord)(\s{1,3}|\s{0,3}:\s{0,3})((on|op)\s{1,3})?$"
    r"|\b(datum|date)\s{1,3}(van\s{1,3}(de\s{1,3})?)?(vraag|antwoord|beantwoording|question"
    r"|answer|asked|answered|raised)\s{0,3}:?\s{0,3}$"
    r"|\b(vraag|question|answer|antwoord)\s{0,3}(datum|date)\s{0,3}:?\s{0,3}$"
    r"|\b(laatste update|last update|bijgewerkt op)\s{0,3}:?\s{0,3}$|^\W{0,3}logged:\s{0,3}$"
    # "Question 1      received 19/11/2026": the day a question came in, not "must be received"
    r"|(?<!\bbe\s)(?<!\bbeen\s)(?<!\bare\s)(?<!\bis\s)\breceived(\s{1,3}|\s{0,3}:\s{0,3})"
    r"((on|at)\s{1,3})?$"
    # "Aanbieding ingediend door Kempenaar Interim B.V.: Maandag 30 november 2026, 11:03"
    r"|\b(ingediend|verzonden|verstuurd|geplaatst|submitted|sent|posted)\s(door|by)\s[^:;]{1,60}:"
    r"\s{0,3}$"
    # "#1  (ingediend 20-11-2026 09:41)": the day a question of a log came in
    r"|\(\s{0,3}(ingediend|gesteld|submitted|asked|ontvangen)\s{0,3}(op|on|:)?\s{0,3}$"
    # "Aangemaakt:  01-12-2026 11:05", "Tabblad: Vragen (export 03-12-2026 17:05)": the day a
    # page or an export was made
    r"|^\W{0,3}(aangemaakt|created|date created|aanmaakdatum)\s{0,3}(op\s{0,3})?:?\s{0,3}$"
    r"|\(\s{0,3}(export|exportdatum|export date)\s{0,3}:?\s{0,3}$"
    rf"|{BRACKETED_COPY}$"
    # "Antwoord (02-12-2026 15:30):": the time an answer of a log was written
    r"|^\W{0,3}(answer|antwoord|reply|response)\s{0,3}\($"
    # "01_Invitation_v1.0.pdf   02/12/2026 15:40": the day a document was uploaded
    r"|(\.|\()(pdf|docx?|xlsx?|zip|odt|ods|pptx?|csv|xml)\)?\s{0,3}"
    r"(\(\s{0,3}[\d.,]{1,8}\s{0,3}[kmg]i?b\s{0,3}\)\s{0,3})?[:|]?\s{0,3}$"
)

# A term counted from a date, not a step on it: "binnen 3 werkdagen na", "received after"
RELATIVE_WORDS = (
    r"\b(\d{1,3}|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|one|two|three|four"
    r"|five|six|seven|eight|nine|ten)\s(werk|kalender|working |calendar |business )?"
    r"(dag|dagen|week|weken|maand|maanden|days?|weeks?|months?)\s(na|vóór|voor|voorafgaand"
    r" aan|after|before|from|following|of|prior to)\W{0,3}$"
    r"|\b(received|ontvangen|binnengekomen|ingediend|submitted|sent|gesteld|asked) (after|na)"
    r"\W{0,3}$"
    # "niet ouder dan zes maanden, gerekend vanaf 14 juli 2027"
    r"|\b(gerekend|te rekenen|geteld|counted|calculated|reckoned) (vanaf|van|from)\W{0,3}$"
    # "Na 19 oktober 2026 kunnen aanbieders zich blijven aanmelden": what goes on after it
    r"|^\W{0,3}(na|after)\W{0,3}$"
)
# A week, not a day: "in de week van", "w/c"
WEEK_WORDS = (
    r"\b((in )?de )?(week|weken) van\W{0,3}$"
    r"|\b((in |during )?the )?weeks? (of|commencing|starting)\W{0,3}$"
    r"|\bweek commencing\W{0,3}$|\bw/c\W{0,3}$"
)


# "(sluitingsdatum 14 april 2027) is ingetrokken", "de vacature (...) staat hier los van":
# the words after a date undo the step the words before it name
_VOID_AFTER = re.compile(
    r"^\W{0,3}([\w'’]{1,20}\s{1,3}){0,6}?(ingetrokken|vervallen|vervalt|geannuleerd|stopgezet"
    r"|withdrawn|cancell?ed|superseded|staat hier los|staan hier los|not related|unrelated"
    r"|no longer appl(y|ies)|niet meer van toepassing|(gaat|gaan) niet door|called off"
    r"|will not (take place|go ahead)|annul\u00e9e?s?|supprim\u00e9e?s?"
    r"|(did|has) not (take|taken) place|(is|zijn) niet doorgegaan|(ging|gingen) niet door"
    # a request declined: "Uw vraag om ... te verplaatsen naar <date> kunnen we niet inwilligen"
    r"|niet\s(\w{1,12}\s)?(inwilligen|honoreren|toestaan|ingaan)"
    r"|(cannot|can't|can not|unable to|not able to)\s(\w{1,12}\s)?(grant|accommodate|agree|accept)"
    # "De informatiebijeenkomst die voor 13 januari 2027 gepland stond": what was planned then
    r"|(gepland|ingepland|voorzien|geagendeerd)\s(stond|stonden)|(stond|stonden)\s(in)?gepland"
    r"|(is|zijn|has been|have been|wordt|worden|(has|have) had to be)\s(vervroegd|uitgesteld"
    r"|verschoven|verplaatst|postponed|moved|rescheduled|brought forward))\b",
    re.IGNORECASE,
)
# "Tussen 24 december en 1 januari is de afdeling gesloten": the buyer is away, no step
_CLOSED_AFTER = re.compile(
    r"^\W{0,3}(inclusive|inclusief|incl\.)?\W{0,3}((is|zijn|are)\s{1,3}(\w{1,20}\s{1,3}){0,3}?)?"
    r"(gesloten|dicht|closed)\b",
    re.IGNORECASE,
)
# what happens to what comes in then: "submissions at 00:00 on 16 March 2027 are late"
_LATE_AFTER = re.compile(
    r"^\W{0,3}([\w'’]{1,20}\s{1,3}){0,2}?(are|is|will be|shall be|worden|wordt|zijn)\s"
    r"(\w{1,12}\s){0,2}?(late|te laat|rejected|excluded|disregarded|uitgesloten"
    r"|not (be )?(accepted|considered|answered|assessed)"
    r"|niet (meer )?(geaccepteerd|beoordeeld|behandeld|beantwoord|meegenomen|in behandeling))\b",
    re.IGNORECASE,
)
# "op 14 juli jl.": a day that has gone by ("jongstleden")
_GONE_BY_AFTER = re.compile(r"^\s{0,3}(jl\.|j\.l\.|jongstleden)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;!?,]")
# "Offertes die vóór 8 april 2027 zijn ingediend": offers already in, not the day they are due
_WHICH_BEFORE = re.compile(
    r"\b(die|dat|welke|that|which)\s{1,3}(\w{1,20}\s{1,3}){0,3}?(vóór|voor|before|prior to|op|on)"
    r"\W{0,3}$",
    re.IGNORECASE,
)
_WERE_AFTER = re.compile(
    rf"^\W{{0,3}}(zijn|is|werden|werd|were|was|have been|has been)\s{{1,3}}{DONE}\b",
    re.IGNORECASE,
)


# "moeten hun verzoek uiterlijk op <date> hebben ingediend": what must be done by then, not done
_DUE_BEFORE = re.compile(
    r"\b(moet|moeten|must|dient|dienen|uiterlijk|no later than|ten laatste)\b", re.IGNORECASE
)


def gone_by(after: str) -> bool:
    """Whether the words just after a date say it has gone by: "op 14 juni jl."."""
    return bool(_GONE_BY_AFTER.match(after))


# "zij gaf aan dat zij op 4 en 5 januari nog niet beschikbaar is": a candidate is away then
_AWAY_AFTER = re.compile(
    # "... t/m 30 juni 2027 niet langer dan 2 weken aaneengesloten afwezig"
    r"^\W{0,3}([\w'’]{1,20}\s{1,3}){0,6}?(nog\s)?(niet beschikbaar|afwezig|unavailable"
    r"|not available|met verlof|on leave|op vakantie|on holiday)\b"
    # "ik heb van 21 t/m 24 dec vrij, dus": days off (not "(vrij)", Friday, nor "vrij entree")
    r"|^\s{1,3}vrij\s{0,3}([,.;!]|$)",
    re.IGNORECASE,
)
# "Ik ben 24/12 t/m 3/1 in Oostenrijk, daarna beschikbaar": away until then
_AVAILABLE_AFTERWARDS = re.compile(
    r"^[^.;!?]{0,40}?\b(daarna|after that|afterwards|thereafter)\s(\w{1,12}\s){0,2}?"
    r"(beschikbaar|available|inzetbaar|vrij)\b",
    re.IGNORECASE,
)
# "Vragen ... worden vanaf maandag 4 januari 2027 in behandeling genomen": when the buyer
# takes up what comes in, no step
_HANDLED_FROM_BEFORE = re.compile(
    r"\b(worden|wordt|will be|are|is)\s(\w{1,12}\s){0,2}?(vanaf|from|na|after)\W{0,3}$",
    re.IGNORECASE,
)
_HANDLED_AFTER = re.compile(
    r"^\W{0,3}(in behandeling genomen|behandeld|afgehandeld|opgepakt|processed|handled|dealt with"
    r"|picked up)\b",
    re.IGNORECASE,
)
# "Informatiebijeenkomst vervalt: 10-12-2026", "Site visit No. 2: 17/12/2026 14:00 (CANCELLED)"
_VOID_BEFORE = re.compile(
    r"\b(vervalt|vervallen|cancell?ed|geannuleerd|withdrawn|ingetrokken)\s{0,3}[:\-\u2013]?\s{0,3}$",
    re.IGNORECASE,
)
_CANCELLED_AFTER = re.compile(
    r"^\W{0,3}(\d{1,2}[:.]\d{2}\W{0,5})?\(?(cancell?ed|geannuleerd|vervallen|vervalt|withdrawn)\b"
    # a schedule's status of a step gone by: "2026-11-30   12:00   Closed", "2026-12-03  -  Done"
    r"|^\W{0,20}(\d{1,2}[:.]\d{2}(\W{1,5}\d{1,2}[:.]\d{2})?\W{0,20})?(closed|completed|complete"
    r"|done|passed|expired|afgerond|gesloten|voltooid|verstreken|verlopen)\W{0,3}$",
    re.IGNORECASE,
)
# What a document says, quoted by a question or a correction: "Daarin stond abusievelijk dat",
# "In de aanvraag staat als startdatum", "The RFP refers to a deadline of"
_QUOTED_BEFORE = re.compile(
    r"\b(abusievelijk|ten onrechte|per abuis|erroneously|incorrectly|mistakenly|by mistake)\b"
    r"|\b(staat|stond|stonden)\s([\w§.]{1,20}\s){0,3}?als\s(\w{1,20}\s){0,2}?\w{0,12}"
    r"(datum|termijn|deadline)\W{0,3}$"
    r"|\b(rfp|rft|rfq|itt|itn|tender documents?|specification|contract notice)\s"
    r"(\w{1,12}\s){0,2}?(states?|stated|refers? to|mentions?|mentioned|says)\b",
    re.IGNORECASE,
)
# "she is on leave on 4 January", "ik ben afwezig van"
_AWAY_BEFORE = re.compile(
    r"\b(is|are|am|zijn|ben|is\s\w{1,12})\s(\w{1,12}\s)?(on leave|away|unavailable|not available"
    r"|afwezig|met verlof|op vakantie|niet beschikbaar)\s(on|op|from|van|until|tot|between"
    r"|tussen)\W{0,3}$"
    # "Ik ben zelf vrij van 21 december": days off (not "het tijdslot is vrij op")
    r"|\b(ik|we|wij|hij|zij|ze|je)\s(ben|is|zijn|bent)\s(\w{1,12}\s)?vrij\s(op|van|tot)\W{0,3}$",
    re.IGNORECASE,
)


# "... vóór 15 maart 2027 (accountantscontrole), maar dit is geen deadline voor de aanbieding"
_NO_STEP_AFTER = re.compile(
    r"\b(dit|dat|this|that|it|het)\s(is|zijn|are)\s(geen|not\sa|no)\s(deadline|termijn"
    r"|uiterste datum|milestone|closing date|sluitingsdatum)\b"
    # "... is gereserveerd voor een interne kandidaat en maakt geen deel uit van deze opdracht"
    r"|\b(maakt|maken) geen deel uit van (deze|de|dit|het) (opdracht|procedure|aanbesteding"
    r"|contract)|\b(is|are) not part of (this|the) (assignment|contract|procedure)",
    re.IGNORECASE,
)


# a row given for information, not a step: "Oplevering gezamenlijke meldkamer (info):"
_FOR_INFORMATION_BEFORE = re.compile(
    r"\((info|ter info(rmatie)?|for information( only)?|informatief|fyi)\)\W{0,3}$",
    re.IGNORECASE,
)


def past_or_void(before: str, after: str) -> bool:
    """Whether the words on both sides of a date say it is done, undone or of another thing."""
    clause = _CLAUSE_END.split(after, maxsplit=1)[0]
    return bool(
        (_DONE_BEFORE.search(before) and _DONE_AFTER.match(after))
        or (_HAD_AFTER.match(after) and not _DUE_BEFORE.search(before))
        or _TOOK_PLACE_AFTER.match(clause)
        or _VOID_AFTER.match(clause)
        or _NO_STEP_AFTER.search(after)
        or _LATE_AFTER.match(clause)
        or (_WHICH_BEFORE.search(before) and _WERE_AFTER.match(after))
        or on_a_holiday(before, clause)
        or _CLOSED_AFTER.match(clause)
        or _AWAY_AFTER.match(clause)
        or _AVAILABLE_AFTERWARDS.match(after)
        or (_HANDLED_FROM_BEFORE.search(before) and _HANDLED_AFTER.match(after))
        or _AWAY_BEFORE.search(before)
        or _VOID_BEFORE.search(before)
        or _CANCELLED_AFTER.match(clause)
        or _QUOTED_BEFORE.search(before)
        or _FOR_INFORMATION_BEFORE.search(before)
        or replaced_after(after)
    )
