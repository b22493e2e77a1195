"""Words of the steps of a procedure that have no milestone kind of their own: an information
session, a site visit, a webinar, a supplier day, the rounds of a dialogue, registering for one
of these, the end of the standstill period. Each is an `other` milestone when it is dated.

``rules`` puts them into its table; every gap is bounded, so each search is linear.
"""

from __future__ import annotations

import re

# What one registers for or is invited to
_EVENT = (
    r"(bijeenkomst|sessie|session|schouw|locatiebezoek|plaatsbezoek|site visit|visit|webinar"
    r"|briefing|meeting|rondleiding|tour|supplier day|leveranciersdag|marktdag|informatiedag"
    r"|open (dag|day)|infomoment|informatiemoment|familiari[sz]ation (day|visit|event))"
)
# The events themselves, by their own names (``rules`` asks for them after the submission
# deadline: "Inschrijvers die de schouw bijwonen, dienen ... in te schrijven" is no event)
EVENT_WORDS = (
    r"bijeenkomst|schouw|locatiebezoek|plaatsbezoek|terreinbezoek|werkbezoek|bezichtiging"
    r"|\bvisites?\b|s\u00e9ance d'information|r\u00e9union d'information"
    # a works site briefing: "vindt een aanwijzing ter plaatse plaats"
    r"|\baanwijzing (ter plaatse|op (de )?locatie|op de bouwplaats|op het werk)\b"
    r"|\binspection of the (\w{1,15} ){0,2}(site|premises|rooms?|building|location"
    r"|facilit\w{1,3})\b|\bsite inspection"
    r"|rondleiding|site visit|briefing|webinar|marktconsultatie|sessie|\bsessions?\b"
    r"|\binfo(rmatie)?moment(en)?\b|\bwalk-?rounds?\b|\bwalkabouts?\b"
    r"|\bmeet[- ]the[- ](buyer|market|client|team)\b"
    # "Plenaire kick-off dialoogfase" (not the kick-off of the assignment, its start)
    r"|\bplenaire (bijeenkomst|sessie|kick-?off)|\bplenary (session|meeting)"
    r"|informatiedag|marktdag|information (session|meeting|day)|market (session|meeting|day)"
    r"|site (tour|inspection|meeting|walk|survey)|walk-?through|bidders'? (meeting|conference)"
    r"|\bkijk(dag|middag|ochtend|moment)\b"
    # after the award: "A mobilisation meeting has been arranged for", "startoverleg op"
    r"|\b(mobili[sz]ation|implementation|kick-?off|contract start-?up) (meeting|workshop)\b"
    r"|\b(startoverleg|startbijeenkomst|kick-?off ?(overleg|bijeenkomst))\b"
    # "een kick-off voor de implementatie met de gegunde vervoerder(s)"
    r"|\bkick-?off (voor|for) (de |het |the )?(implementatie|implementation|invoering|transitie"
    r"|transition)\b"
    # "*** Event details ***" over "Date: Thursday 21st January 2027" (not "in the event that")
    r"|\bevent (details|information|date)\b|(?<!\bin )\b(the|this|our) event\b(?! (of|that)\b)"
    r"|\bopen (dag|day)\b|\bengagement (event|session|day|meeting)|\bmarket[- ]warming\b"
    r"|\b(tender|bid|bidder|bidders'|supplier|procurement) (surgery|surgeries|clinics?)\b"
    r"|\b(site |premises )?familiari[sz]ation (day|visit|event|session|tour)\b"
    # the tests of a selection for a post: "Schriftelijke proef (casus)", "assessment day"
    r"|\bschriftelijke (proef|test)\b|\bwritten (test|exam)\b|\bassessment (day|centre|center)\b"
    # handing in samples: "afgifte op 18/01/2027 tussen 9u00 en 12u00", "Samples drop-off"
    r"|\b(afgifte|aanlevering|inlevering|d\u00e9p\u00f4t|drop-?off|delivery)\b[^.;]{0,20}"
    r"\b(stalen|monsters|samples?|\u00e9chantillons)\b|\b(proef)?(stalen|samples?|\u00e9chantillons)"
    r"\b[^.;]{0,60}\b(afgifte|aanleveren|inleveren|d\u00e9p\u00f4t|drop-?off|delivered|geleverd"
    r"|bezorgd)\b"
    # "Visits will take place on Tuesday 23rd February and Wednesday 24th February"
    r"|\b(visits|viewings|bezoeken|bezichtigingen)\b[^.;]{0,30}\b(will take place|take place"
    r"|will be held|vinden plaats|are scheduled)\b"
    r"|\b(bezoek(en)?|visits?|inspections?|bezichtiging(en)?) (aan|van|of|to|at) (\w{1,12} ){0,3}?"
    r"(locaties?|terreinen|terrein|sites?|premises|buildings?|gebouwen|gebouw|panden|pand"
    r"|objecten|object|werk|depots?|yards?|werf|werven)\b"
)
# Events whose names would read as another step's ("vragenuur", "clarification meeting": no
# questions deadline), asked for before the questions and the submission deadline
NAMED_EVENT_WORDS = (
    r"(inlichtingen|vragen|informatie)(bijeenkomst|sessie)|vragenuur"
    r"|(clarification|q\s?&\s?a) (meeting|session|webinar|call)|bidders'? (meeting|conference|day)"
    r"|\bpre-?(bid|tender|proposal|offer|quote|submission) (meeting|conference|briefing)"
    r"|\bdebrief(ing)?\s(calls?|meetings?|sessions?|gesprek(ken)?)\b"
    r"|(supplier|leveranciers|bidder|market|marktpartijen)[- ]?(day|dag)\b"
    # the rounds of a competitive dialogue or a negotiation come before the final tenders (a
    # Dutch "onderhandelingsronde" is the meeting with each bidder: an interview)
    r"|dialoog(ronde|sessie|bijeenkomst)|dialogue (round|session|meeting)"
    r"|negotiation rounds?"
    # a preliminary market engagement asks for views, not for tenders: "Engagement deadline",
    # "Market engagement questionnaire" (returned by a date)
    r"|\bengagement deadline\b|\b(market|supplier) engagement questionnaires?\b"
    # "Mededeling sluiting dialoog": the dialogue ends, no tender is due
    r"|\b(sluiting|afsluiting|einde|closure|close|end) (van |of )?(de |the )?(dialoog|dialogue)\b"
    r"(?![^.;]{0,30}\b(invitation|uitnodiging))"
    # "Candidates invited to tender must attend a compulsory site visit at ... on": the visit
    rf"|\b(attend|bijwonen|deelnemen aan)\b(\s[\w'-]{{1,20}}){{0,3}}?\s{_EVENT}\b"
    r"[^.;]{0,80}\b(on|op)\W{0,3}$"
    # samples or a test device handed in on their own: "stalen ... af te leveren ... uiterlijk op",
    # "leveren per perceel één testtoestel ... af", "Delivery of product samples"
    # (not "stalen damwanden": steel)
    r"|\b(stalen van|(één|een|elk|ieder) staal|samples?|test ?toestel(len)?|demo ?toestel(len)?"
    r"|test devices?|testexemplaren|proefexemplaren)\b[^.;]{0,80}\b(af te leveren|afleveren|af"
    r"|leveren|delivered|received|submitted|aangeleverd|bezorgd)\b(?![^.;]{0,20}\b(with|bij|met)\s"
    r"(your|the|de|uw|het|hun|their)\s(tender|offer|bid|offerte|inschrijving|aanbieding))"
    r"|\bdelivery of (product )?samples\b"
    # telling the buyer one will bid is no bid: "Intention to bid (via Jaggaer message)"
    r"|\bintention to (bid|tender|respond|submit)\b|\bintent to (bid|tender)\b"
    # "Please confirm whether or not you intend to submit a tender ... by"
    r"|\bconfirm\b[^.;]{0,40}\bintend\w{0,2} to (bid|tender|submit|respond)\b"
    # the buyer presents the procedure, not the bidders their tenders: "we will repeat the main
    # presentation online via Teams on"
    r"|\b(we|wij)\s(will|shall|zullen)\s(\w{1,12}\s)?(repeat|give|hold|host|deliver|run|geven"
    r"|houden|herhalen)\s(a|an|the|our|de|een|onze)\s(\w{1,12}\s)?(presentation|presentatie)\b"
    # "an online presentation of the RfEI": the buyer presents its documents
    r"|\b(presentation|presentatie) (of|van) (the|de|het) (\w{1,20} )?(RfEI|RFI|RFP|RFQ|ITT"
    r"|tender|procedure|procurement|documents?|specification|aanbesteding|leidraad|bestek"
    r"|aanbestedingsstukken|eProcurement Portal|portal|platform)\b"
    # "The online session will repeat the presentations from the in-person event"
    r"|\b(repeat|repeats|herhaalt|herhalen)\s(\w{1,12}\s){0,2}(presentations?|presentaties?)\b"
    r"|\b(presentation|presentatie|toelichting) (of|van|op) (the |de |het )?(tender documents"
    r"|aanbestedingsstukken|aanbestedingsdocumenten|opdracht|assignment|project|procurement"
    r"|aanbesteding|procedure)\b"
    # "Bidders are invited to attend a briefing session on": an event, no shortlist
    rf"|\b(invited|uitgenodigd|uitnodiging|invitation|uitnodigen|welcome)\b(\s[\w']{{1,20}}){{0,5}}?"
    rf"\s(informatie|info|markt|inloop|inlichtingen|vragen|leveranciers|aanbieders)?"
    # (not "invited to a negotiation meeting": an interview)
    rf"(?<!negotiation\s)(?<!negotiations\s)({_EVENT}|event|conference)\b"
)
# The end of the standstill period, close before the date: "Na afloop van de Alcateltermijn
# (...) wordt definitief gegund, naar verwachting op <date>" is the award
STANDSTILL_WORDS = (
    r"(standstill|opschortingstermijn|opschortende termijn|alcatel|bezwaartermijn"
    r"|wachttermijn)([^.;,]{0,30}|[^.;,(]{0,12}\s?\([^()]{0,30}\)[^.;,]{0,12}"
    r"|[^.;,]{0,60}\b(eindigt|ends?|expires|loopt af|verstrijkt)"
    r"\b[^.;,]{0,40})$"
)
# A period that is the standstill: its end is the step
STANDSTILL_PERIOD = re.compile(
    r"standstill|opschortingstermijn|opschortende termijn|alcatel|bezwaartermijn|wachttermijn",
    re.IGNORECASE,
)
# Registering for an event: "Please register for the session by", "Aanmelden voor de
# informatiebijeenkomst kan tot"; asked for before background, the requests to participate
# and the submission deadline ("aanmelden", "inschrijven")
REGISTRATION_WORDS = (
    r"\b(aanmeld\w{0,4}|inschrijv\w{0,4}|registr\w{0,8}|regist(er|ers|ering)|sign(ing)? up"
    r"|book(ing)?)\s(voor|bij|for|to attend|to join|onto|op)\s(de|het|een|the|a|an|our|onze)\s"
    rf"(\w{{1,20}}\s){{0,2}}?\w{{0,12}}?{_EVENT}\b"
    # "Uiterste datum aanmelding schouw:", "Site visit registration deadline:", the Flemish
    # "uiterste datum inschrijving infosessie"
    rf"|\b(aanmelding|aanmelden|inschrijving|inschrijven|registratie|registration)\s{{1,3}}(\w{{1,20}}\s{{1,3}})?\w{{0,12}}?{_EVENT}\b"
    rf"|{_EVENT}\W{{0,3}}(registration|registratie|aanmelding|sign-?up)\b"
    # "Bevestig de aanwezigheid van uw kandidaat uiterlijk": telling the buyer one comes
    r"|\bbevestig\w{0,3}\s(\w{1,12}\s){0,2}?(aanwezigheid|deelname|komst)\b"
    r"|\bconfirm\s(\w{1,12}\s){0,3}?(attendance|participation|attendees)\b"
    # "Notification of attendance at the opening"
    r"|\b(notification|notice|confirmation) of (\w{1,12}\s)?attendance\b"
    # "Bidders wishing to attend should register no later than 5pm on"
    r"|\b(wishing|wanting|who wish|who want|intending) to attend\b[^.;]{0,60}\b(register|book"
    r"|confirm|notify|inform)"
    # "Wil je uiterlijk maandag 14 december 12u bevestigen dat de kandidaat aanwezig kan zijn?"
    r"|\bbevestig\w{0,3}\b[^.;?]{0,30}\baanwezig\b|\bconfirm\w{0,3}\b[^.;?]{0,30}\battend\b"
    # "Wilt u uiterlijk 11 december laten weten met hoeveel personen u komt?"
    r"|\bmet hoeveel (personen|mensen|deelnemers)\b|\bhow many (people|attendees|delegates"
    r"|representatives)\b"
    # "Wilt u uiterlijk 3 februari doorgeven welke teamleden aan het interview deelnemen?"
    r"|\b(doorgeven|laten weten|opgeven|confirm|let us know|tell us)\b[^.;?]{0,20}\b(welke|wie"
    r"|who|which)\b[^.;?]{0,60}\b(deelnemen|aanwezig|attend|attending|join)\b"
    # "Registration for attending the opening session": to be let in, not the opening itself
    r"|\b(registration|register|registering|aanmelden|aanmelding|inschrijven)\s(for|voor|to)\s"
    r"(attend(ing)?\s|bijwonen van\s)?(the\s|de\s)?(public\s|openbare\s)?"
    r"(opening|openingszitting)(\s(session|sessie|zitting))?\b"
)
# "... the supplier day on 14 September 2027 should register via Mercell by", "Digitale
# informatiebijeenkomst op 2 maart 2027; aanmelden kan tot": registering, in the sentence of
# the event it is for (or the one after it), with no other thing named it would be for
# ("aanmelden voor toelating") and no deadline it would be the name of ("Sluitingsdatum
# aanmelding" is the requests to participate)
REGISTERING = re.compile(
    r"^\W{0,3}((?!sluit|deadline|uiterst|closing|termijn|datum|date)[\w',-]{1,20}\s{1,3}){0,8}?"
    r"(regist(er|reer|reren|ration|ratie)|sign up|(book|reserve) (a |your )?(place|seat|slot)"
    r"|(places|seats|slots) (must|should|can|may|need to) be (booked|reserved)|aanmelden"
    # Flemish: "Wie wil deelnemen, schrijft zich uiterlijk <date> in"
    r"|(schrijft|schrijven|schrijf) (zich|je|u)"
    r"|aanmelding|meld (u|je) (zich )?aan|confirm (your )?attendance|register attendance"
    # French: "L'inscription est obligatoire par courriel ... au plus tard le"
    r"|(l')?inscription (est )?(obligatoire|pr\u00e9alable|requise)|(s'|vous )inscri(re|vez|vent)"
    # Flemish: "Inschrijven voor één van beide momenten kan tot"
    r"|inschrijven voor (\w{1,10} ){0,3}\w{0,10}?(moment|momenten|sessie|sessies|bezoek"
    r"|bijeenkomst)|inschrijven (is )?(verplicht|noodzakelijk|vereist)"
    r"|inschrijven (via|bij|kan|per mail))\b"
    # "Aanmelden, met maximaal twee personen per onderneming, kan tot"
    r"(\s{0,3}(,[^,.;:()]{1,60},|\([^()]{1,60}\)))?"
    # then where and how ("via the Atamis messaging function by 5pm on"), naming no step
    r"(\s{1,3}(?!(tenders?|bids?|offers?|offertes?|inschrijving\w{0,2}|vragen|questions?)\b)"
    r"[\w'’./@:,-]{1,30}){0,12}\W{0,3}$",
    re.IGNORECASE,
)
