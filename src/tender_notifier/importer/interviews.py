"""Words that say a date is an interview: an interview, a presentation, a demonstration, a
negotiation meeting or a tasting where a candidate or bidder meets the buyer."""

from __future__ import annotations

# "De kandidaten worden uitgenodigd voor een gesprek op": the day of the interview invited to,
# not the day of the invitation
INVITED_TO_INTERVIEW = (
    r"(uitgenodigd|invited|uitnodiging|invitation|uitnodigen|invite)( [\w-]{1,20}){0,4}? (voor"
    r"|to|for|tot) (een |an |the |a )?(\(\w{1,20}\) )?(\w{1,20} ){0,2}(een |an |the |a )?"
    r"\w{0,12}?"
    r"(gesprek|interview|presentatie|presentation|pitch|demo|toelichting|negotiation meeting)"
    r"\w{0,9}\b[^.;]{0,80}?\s(?<!uiterlijk )(op|on)\W{0,3}$"
    # "invited to present their approach to the evaluation panel on", "to demonstrate ... on"
    r"|(uitgenodigd|invited|gevraagd|asked) (om |to )?(\w{1,20} ){0,6}?(present(eren)?"
    r"|toe( te )?lichten|demonstr(eren|ate))\b[^.;]{0,120}\b(op|on)(\s(either|both))?\W{0,3}$"
    # "invited for an interview which will take place on": the interview's day
    r"|(gesprek|interview|presentatie|presentation|pitch|demonstrat)\w{0,6}\b[^.;]{0,60}"
    r"\b(takes? place|(vindt|vinden) plaats|plaats(vindt|vinden)|(will be|is|are|wordt|worden)"
    r" held|(wordt|worden) gehouden|(is|are) scheduled|(is|zijn|staat|staan) gepland)"
    # "which will take place at the Estates Hub, Western Bank, on"
    r"(\W{1,3}(on|op|for|voor)?|,? (at|in|op|bij) [^.;]{1,50}?\b(on|op))\W{0,3}$"
)

# "De gesprekken bij de gemeente zijn gepland op"
INTERVIEW_WORDS = (
    r"(?<!\bna )(?<!\bna de )(?<!\bafter )(?<!\bafter the )(?<!\buitslag )(?<!\bresult of )"
    r"(?<!\buitslag van de )(?<!\bresult of the )(?<!\boutcome of the )(?<!\buitkomst van de )"
    r"(gesprek|interview|entretien|presentatie|presentation|\bdemos?\b"
    r"|demonstrat(?!ie-?(toestel|model|exemplaar|set))"
    # "nodigen wij alle inschrijvers uit hun offerte mondeling toe te lichten op"
    r"|\bmondeling toe(\s(te\s)?lichten)?\b"
    # "Shortlisted candidates will meet the Director (via Teams) on"
    r"|\b(shortlisted|selected|geselecteerde)\s(candidates?|kandidaten|suppliers|bidders)"
    r"\s(will\s)?(meet|ontmoeten|spreken)\b"
    r"|(?<!suitability )assessment"
    r"(?! (questionnaire|summar|report|feedback|outcome|result|criteri|round|period|stage))"
    r"|kennismaking|\bintro(ductory)? (calls?|meetings?|chats?)\b"
    # "a short take-home case, presented to the team on"
    r"|\b(presented|gepresenteerd) (to|aan) (the |het |de |our |ons )?(team|panel|committee"
    r"|commissie|beoordelingscommissie|client|opdrachtgever|hiring manager)\b"
    r"|\bintakes?\b|\bmondelinge (toelichting|presentatie|verdediging)\b"
    r"|(mondelinge )?toelichting (op )?(de |uw |het )?(offerte|inschrijving"
    r"|aanbieding|plan)"
    r"|\bpitch"
    # a meeting to negotiate one's tender, a tasting of it: the bidder presents it
    r"|\bnegotiation (meeting|session)s?\b|onderhandelingsvergadering|\btasting (session|day)"
    r"|(?<!\bmet )\bonderhandeling(en|srondes?)?\b(?!\s?procedure)"
    r"|\bproeverij|\bdegustatie|\bproefmaaltijd"
    # "Op 10 december 2026 presenteren de twee hoogst scorende partijen hun concept"
    r"|\b(presenteren|present) (de |the )?(\w{1,20} ){0,4}?(partijen|kandidaten|inschrijvers"
    r"|gegadigden|bureaus|aanbieders|bidders|suppliers|candidates|vendors|tenderers|firms)\b"
    # "Op 25 maart presenteren de bureaus hun aanpak", "bidders present their proposals"
    r"|\b(presenteren|presenteert|present|presents) (hun|zijn|haar|uw|je|their|your) "
    r"(aanpak|plan|plannen|offerte|inschrijving|visie|ontwerp|oplossing|approach|proposals?"
    r"|bids?|tenders?|solutions?|plans?)\b)"
)
