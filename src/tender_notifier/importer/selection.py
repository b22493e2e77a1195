"""Words that say a date is the shortlist: the day candidates hear whether they go on to the
next round (an interview, the invitation to tender), not the award."""

from __future__ import annotations

SHORTLIST_WORDS = (
    # not "notified" alone: of what, the selection or the award?
    # (not "tijden volgen in de uitnodiging", "as stated in the invitation": what it will say)
    # not who was invited, doing something else: "Invited suppliers must submit initial tenders
    # by", "De uitgenodigde kandidaten presenteren op"
    # nor the deadline of what they are invited to: "invited to submit final tenders by"
    r"(?![^.;:]{0,60}\b(submit|return|lodge|upload|indienen|in te dienen|in te schrijven)\b"
    r"[^.;:]{0,40}\b(by|before|no later than|uiterlijk|v[o\u00f3]{2}r|tot)\W{0,3}$)"
    r"(genodigd(?!e\s(kandidaten|gegadigden|partijen|inschrijvers|leveranciers|bureaus)\b)"
    # not how one takes part: "volgens uitnodiging", "op uitnodiging", "by invitation only"
    r"|(?<!\bin de )(?<!\bin the )(?<!\bvolgens )(?<!\bop )(?<!\bper )(?<!\bop de )(?<!\bbij de )"
    # nor a meeting's invitation in a mail: "Correctie op onderstaande uitnodiging", "I'll send
    # an invite", "-------- Oorspronkelijke uitnodiging --------"
    r"(?<!onderstaande )(?<!bovenstaande )(?<!oorspronkelijke )(?<!originele )(?<!agenda)"
    r"uitnodiging|uitnodigen"
    # not a condition on what follows: "Should you be invited, the BAFO deadline will be"
    r"|(?<!\bsend an )(?<!\bsend a )(?<!\bsend you an )(?<!calendar )(?<!meeting )(?<!teams )"
    r"(?<!outlook )\binvit(e|es|ing)\b"
    r"|(?<!\bshould you be )(?<!\bif you are )(?<!\bif )"
    r"\binvited\b(?!\s(suppliers|bidders|candidates|tenderers|parties"
    r"|applicants|organisations|companies|firms)\b))"
    r"|(?<!\bin de )(?<!\bin the )(?<!\bby )(?<!\bon )(?<!\bupon )\binvitations?\b"
    r"|\bshortlist (bekend|known|bekendgemaakt|definitief|final|published|communicated|announced"
    r"|notified|confirmed|sent|issued|gecommuniceerd)"
    r"|\bweten (wie|welke \w{1,15}) (er )?(op gesprek|door|uitgenodigd|geselecteerd)"
    # "Op 26-01-2027 maken wij bekend welke (max. 5) partijen mogen inschrijven"
    r"|\bbekend welke (\([^)]{0,20}\) )?(\w{1,15} ){0,2}?(partijen|gegadigden|kandidaten"
    r"|inschrijvers|bureaus|leveranciers) (\w{1,15} )?(mogen|worden|door|gaan)\b"
    r"|\bannounce (which|who) (\w{1,15} ){0,2}?(bidders|candidates|suppliers|applicants"
    r"|tenderers|firms|organisations) (\w{1,15} )?(may|will|proceed|progress|are invited)\b"
    r"|notification of shortlist|\bnotification of (the )?retained (bidders|candidates|tenderers"
    r"|suppliers|applicants)\b"
    r"|shortlist (will be |is )?(announced|published|sent|notified)"
    r"|shortlist (notification|announcement|decision)|notification of (the )?shortlist"
    r"|shortlisting|\bshortlisted (\w{1,15} ){0,2}(will be|are|is) (notified|informed|told)"
    # "The client will shortlist on"
    r"|\b(will|to|shall|would|plans to|expects to) shortlist\b"
    r"|bericht over (de )?(selectie|uitnodiging)|uitslag (van de )?(cv[- ])?selectie"
    r"|\buitslag (van de )?(schriftelijke |eerste )?(proef|test)\b"
    r"|selectiebeslissing|selectiebesluit|selection decision|toelatingsbesluit"
    r"|\bd\u00e9cision (d'admission|de s\u00e9lection)\b"
    r"|(bekendmaking|kennisgeving|mededeling) (van )?(de )?(selectie|shortlist)"
    r"|(bekendmaking|kennisgeving|mededeling|announcement|notification) (van |of )?(de |the )?"
    r"(geselecteerde|selected|shortlisted) (gegadigden|kandidaten|candidates|bidders"
    r"|suppliers)"
    r"|\bcontact\b.{0,20}\b(geselecteerde|uitgenodigde|selected|shortlisted) (kandidaten"
    r"|gegadigden|candidates|suppliers|bidders)"
    r"|selectie (van )?(de )?(kandidaten|gegadigden)"
    # "Notification which tenderers proceed to round 2"
    r"|\bwho(['\u2019]s|\sis|\sare)?\s(going|goes|go)\sthrough\b"  # "who's going through"
    r"|\b(which|who|welke|wie)\s(\w{1,15}\s)?(proceed|progress|continue|go through|gaan door"
    r"|doorgaan|door mogen|verder gaan)\b"
    # "De opdrachtgever maakt uiterlijk 16 december een selectie van maximaal drie kandidaten"
    r"|\bselectie van (maximaal|max\.?|ten hoogste|hooguit) \w{1,6} (kandidaten|gegadigden|cv)"
    r"|\b(je|u|you|kandidaten|candidates)\s(hoort|horen|hear|will hear)\b.{0,20}$"
    r"|(selection|selectie|qualification|kwalificatie)[- ]?(result|outcome|uitslag|resultaat)"
    # "Notification of SAQ outcome", "Stage 1 results": the outcome of the selection's forms
    r"|\b(sqs?|pqqs?|saqs?|stage 1|stage one|fase 1|phase 1|phase one|first phase|eerste fase)"
    r"\W{0,3}(result|outcome|uitslag|resultaat)s?\b"
    r"|\b(outcome|result|uitslag|resultaat)s? (of|van) (the |de )?(sqs?|pqqs?|saqs?|stage 1"
    r"|stage one|phase 1|phase one|first phase|fase 1|eerste fase)\b"
    # "Issue of ITT to shortlisted candidates": the invitation that says who goes on
    r"|\b(issue|dispatch|sending|verzending)\s(of\s|van\s)?(the\s|de\s)?(itt|itn|rft"
    r"|invitations? to (tender|negotiate|submit)|gunningsleidraad|inschrijvingsleidraad)\b"
    r".{0,10}\b(to|aan)\s(the\s|de\s)?(shortlisted|selected|successful|geselecteerde)\b"
    r"|\b(receive|ontvang\w{0,2})\b.{0,20}\b(tender documents|gunningsleidraad|itt)\b"
    # feedback on an offer, not the feedback after the interviews
    r"|\b(terugkoppeling|feedback)\b(?!\s(na|after)\b)"
    r"|shortlisted (candidates|bidders|suppliers|tenderers)\b.{0,30}\b(informed|notified|told)"
    r"|(besluit|beslissing|decision) (over|on|op|omtrent|about) (de |the )?"
    r"(toelating|admission|selectie|selection)"
    r"|(outcome|result|uitslag|terugkoppeling|feedback)( (of|on|van|over))? (the |de )?"
    r"(selection|selectie|shortlist|prequalification|pre-qualification|qualification)"
    r"|\b(itt|itn|gunningsleidraad|invitation to tender)\b.{0,20}\b(issued|sent|released"
    r"|verstuurd|verzonden|beschikbaar gesteld)|verzending (van )?(de )?gunningsleidraad"
    # "Of je kandidaat door is, hoor je uiterlijk", "Bureaus die voor de pitch worden
    # uitgenodigd, horen dat uiterlijk"
    r"|\bof (je|jouw|uw) kandida\w{1,4} (door|verder|doorgaat|door is)\b"
    r"|\buitgenodigd\b[^.;]{0,20}\bhoren (dat|dit|het)\b"
    # "Geselecteerde kandidaten krijgen uiterlijk vrijdag 18 december bericht"
    r"|\b(geselecteerde|uitgenodigde|selected|shortlisted) (kandidaten|gegadigden|candidates"
    r"|bidders|suppliers)\b[^.;]{0,30}\b(krijgen|ontvangen|horen|receive|hear|will hear)\b"
    # "We'll let everyone know whether they've passed by": the outcome of the selection
    r"|\b(know|hear|informed|notified|told|tell|inform|notify)\b[^.;]{0,30}\b(whether|if|who)\b"
    r"[^.;]{0,30}"
    r"\b(passed|progress(ed|es)?|through to|been (shortlisted|selected))\b"
    # "Kandidaten die door zijn naar de tweede ronde horen dit uiterlijk", "horen kandidaten of
    # zij door zijn naar de tweede ronde": who goes on to the next round
    r"|\b(door (zijn|is|bent|gaan|gaat|mogen|mag)|doorgaan|doorgaat) naar de ((tweede|volgende"
    r"|derde|laatste|finale) (ronde|fase|gespreksronde)|gespreksronde|gesprekken)\b"
)

# The day one hears one's slot for the interview, whatever else the sentence speaks of: "Uw
# exacte tijdslot (20 min. presentatie, 25 min. vragen) ontvangt u uiterlijk", "Bekendmaking
# tijdsloten interviews" (not "Iedere inschrijver krijgt een tijdslot van 2 uur op": the slot's
# own day; "U ontvangt uiterlijk <date> een tijdslot" is read in ``clauses``)
SLOT_WORDS = (
    r"\b(tijdslot|tijdsloten)\b[^;]{0,80}\b(ontvangt|ontvangen|krijgt|krijgen|bekendgemaakt"
    r"|gecommuniceerd|meegedeeld)\b[^.;]{0,20}\b(uiterlijk|v[o\u00f3]{2}r|voor|op)\W{0,3}$"
    r"|\bbekendmaking (van de )?tijdsloten\b"
)
