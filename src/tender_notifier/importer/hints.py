"""Words that help read a date without naming its milestone: the assignment's own words, a
subject that goes on from one date to the next, the label of a lone time, and the vague words
("z.s.m.", "binnen 2 weken") that stand where a date should."""

from __future__ import annotations

import re

from .dates import month_pattern

# Words that say a period of days is the assignment itself: "van 1 sept tot 31 dec" = start, end.
ASSIGNMENT = re.compile(
    r"opdracht(?!gever)|period|looptijd|\bduur\b|duration|\bterm\b|inzet|project|contract|assignment"
    r"|\bmarch\u00e9\b|\btravaux\b|\bprestations\b|\bcontrat\b"
    r"|engagement|werkzaamheden|overeenkomst|agreement|dienstverlening|\bservices?\b|inhuur"
    r"|\bframework\b|\bconcessi(e|on)\b|\bworks (start\w{0,3}|commenc\w{1,4}|begin\w{0,3})\b"
    # "A: Anticipated commencement is 1 April 2027": a planned start is the assignment's
    r"|\b(anticipated|expected|planned|estimated|proposed|intended|beoogde|verwachte|geplande)"
    r"\s(commencement|start|startdatum|aanvang)\b"
    # "an interim adviser from 13 September until 31 December, 36 hours a week"
    r"|\binterim\b|\b(uur|uren|hours?) (per|a|each|in de) week\b|\btraject\b"
    r"|\bhet werk\b|\bthe works\b|\buitvoering\b|\b(de|der|van) werken\b|\bcall-?off\b"
    # the words of its term, and of works and supplies delivered
    r"|\b(startdatum|einddatum|ingangsdatum|start date|end date|starting date|commencement date)\b"
    r"|\boplever\w{0,4}|\bopgeleverd\b"
    # the building contract's own words: "Site possession:", "Practical completion"
    r"|\b(site possession|possession of (the )?site|practical completion)\b"
    # Belgian works: "Het bevel van aanvang wordt voorzien op"
    r"|\b(bevel van aanvang|aanvangsbevel|order to commence|notice to proceed)\b"
    # "start 1 november 2027, eind 30 juni 2028, daarna optie tot verlenging met een jaar"
    r"|\b(optie|opties|option|options) (tot|to|for) (verlenging|verlengen|extension|extend)"
    r"|\b(levering|leveringen|delivery|deliveries|aannemer|contractor)\b"
    # a hiring request: "De Omgevingsdienst zoekt per 1 februari 2027 een toezichthouder"
    r"|\b(zoekt|zoeken|gezocht) per\b",
    re.IGNORECASE,
)

# Where a visit starts is no start: "starting from the main reception", "start bij de hoofdingang"
_MEETING_POINT = (
    r"(?!(ing|s|t)? (from|at|bij|vanaf|aan|in) (the |de |het )?(main |hoofd)?(reception|entrance"
    r"|ingang|receptie|car park|parkeerplaats|gate|poort|hoofdingang|steunpunt|lobby|foyer))"
)
# Words for the start of the assignment (``rules`` puts them last but one in its table)
START_WORDS = (
    rf"\bstart{_MEETING_POINT}|start\b{_MEETING_POINT}|aanvang|ingangsdatum|\bingaand"
    # not "samenkomst aan de ingang van het park": where to meet
    r"|(?<!de )(?<!een )\bingang\b|beschikbaar"
    # "available" for work, not a document "(available on the Atamis portal, project C301744)"
    r"|available(?!\s(on|via|through|in|at)\s(the\s)?([\w-]{1,20}\s){0,2}?(portal|website|site"
    r"|platform|page|system|tenderned|mercell|negometrix))|availability|\bvangt\s(\w{1,20}\s)?aan\b|\baanvangen\b"
    r"|\beerste werkdag|\bfirst (working )?day\b|^\W{0,3}kick-?off\W{0,3}$|\bingaan\b"
    r"|\b(runs?|lasts?) from\W{0,3}$"
    # "Works can be called off from", "Afroepen mogelijk vanaf": the framework's first day
    r"|\bcalled off from\W{0,3}$|\bcall-?offs? (\w{1,12} ){0,2}?from\W{0,3}$"
    r"|\bafroep(en)? (\w{1,12} ){0,2}?(vanaf|per)\W{0,3}$"
    # "1 June 2027 to the end of the initial 36-month term": the term's first day
    r"|^\W{0,3}(to|until|till|tot( en met)?|t/m)\s(the\s|het\s)?(end|einde)\s(of|van)\s"
    r"(the\s|de\s|het\s)?([\w-]{1,20}\s){0,2}(term|contract|looptijd|overeenkomst|period|periode)\b"
    r"|\bindiensttreding\b|\bin dienst (treden|treedt)\b"
    r"|commence|\bstarting date\b|\bbegin(t|nen|datum)?\b|\b(gaat|gaan) (in|van start)\b"
    r"|in werking|takes effect"
    # French: "Le marché prend cours le 1er avril 2027", "début des travaux"
    r"|\bprend(ra)? cours\b|\bd\u00e9but\b|\bd\u00e9bute(ra)?\b|\bcommencement\b"
    r"|\bd\u00e9marrage\b"
    # "De raamovereenkomst gaat voor alle percelen in op"
    r"|\b(gaat|gaan)\b[^.;]{0,40}\bin (op|per)\W{0,3}$"
    r"|\beffective (from|date)|\b(vanaf|met ingang van|with effect from)\W{0,3}$"
    r"|\b(site possession|possession of (the )?site)\b"
    r"|\b(looptijd|duur|periode|period|duration|term)\b.{0,40}\b(van|from)\W{0,3}$"
    r"|\b(zoek\w{0,2}|gezocht|nodig|inzetbaar|uiterlijk|starten|beginnen) per\W{0,3}$"
    r"|(overeenkomst|opdracht|contract|looptijd|inzet|werkzaamheden|assignment|agreement"
    r"|engagement)\b.{0,40}\b(loopt|lopen|duurt|runs?|lasts?|will run) (van|from)\W{0,3}$"
)

# Words for the end of the assignment (``rules`` puts them last in its table)
END_WORDS = (
    r"einddatum|eind(e|igt|igen)\b(?! (van )?de (werk)?dag\b)|^\W{0,3}eind\W{0,3}$"
    r"|laatste (werk)?dag|last (working )?day"
    r"|loopt (af|tot)"
    r"|\b(duurt|duren) (door )?(tot|t/m)\b|\bexpiry\b|\bexpiration\b|\btermination date\b"
    # "The services will start on 1 March 2027 and must be completed by"
    r"|\b(must|should|shall|will|to) be completed (by|before|no later than|on)\W{0,3}$"
    r"|\bafloop (van )?(het |de )?(contract|overeenkomst|opdracht)|\bbe(ë|e)indiging\W{0,3}$"
    # (not the delivery of a first part or phase: "oplevering fase 1 vóór")
    # (not the hour of a day: "by end of play Friday 11th", "by the end of the working day")
    r"|\bend(s|ing)?\b(?! of (the )?(play|business|(working |business )?day)\b)"
    r"|oplever(?!\w{0,4}\s(van\s)?(de\s)?(eerste|fase\s?\d))|\bcompletion\b"
    r"|\bgereedmelding\b|^\W{0,3}gereed\W{0,20}$"
    # "the final report is due": the end of an evaluation or a study
    r"|\b(final report|eindrapport\w{0,4}|eindrapportage)\b.{0,20}\b(due|opgeleverd|gereed"
    r"|delivered|uiterlijk)\b"
    r"|\b(runs?|run|lasts?|continues?) (until|till|to|through)\W{0,3}$"
    # "Het werk dient uiterlijk 31 oktober 2027 gereed te zijn"
    r"|^\W{0,3}(gereed|klaar|afgerond|opgeleverd)\s(te\s)?(zijn|worden)\b"
    r"|\b(inzet|opdracht|contract|overeenkomst|looptijd)\b.{0,20}\b(t/m|tot en met|tot|until)"
    r"\W{0,3}$"
    r"|\b(duur|looptijd|duration|term)\b.{0,30}\b(t/m|tot en met|tot|until|through)\W{0,3}$"
    # French: "début le 01/03/2027, fin le 31/08/2028", "le contrat prend fin le"
    r"|\bfin\s(le|du|des|de\sla|de\sl')(?![^\W\d_])|^\W{0,3}fin\W{0,3}$|\bprend(ra)?\sfin\b"
    r"|\bse\stermine(ra)?\b|\bfin de (la )?(mission|contrat|march\u00e9)\b"
)

# The last day of the assignment's term, after words that may name its start
TERM_UNTIL = (
    # (not "De opdracht kan worden verlengd tot": how far the options reach)
    r"\b(looptijd|duur|duration|term|overeenkomst|opdracht|contract|agreement)\b"
    r"(?:(?!verleng|extend|renew|\d{4})[^.;]){0,60}"
    r"\b(t/m|tot en met|until|through|up to and including|to|tot|till)\W{0,3}$"
)

# ...unless the period is one of the procedure: "Tender period: 1 March – 31 March 2027" is
# neither the assignment's start nor its end.
PROCEDURE_PERIOD = re.compile(
    r"(tender|tendering|bid|bidding|offer|submission|evaluation|procurement|standstill"
    r"|consultation|inschrijvings|offerte|aanbestedings|beoordelings|evaluatie|procedure"
    r"|opschortings|consultatie|reactie|vragen|questions?|clarification|mobili[sz]ation"
    r"|mobilisatie|transition|transitie|migration|migratie|installation|installatie"
    r"|implementation|implementatie)[\s-]?"
    r"(period|periode|termijn|window)"
    # "Optional 1:1 sessions may be requested for the period 25 to 27 January"
    r"|\b(sessions?|sessies?|meetings?|gesprekken|interviews|presentaties|presentations|visits"
    r"|bezoeken|workshops?)\b[^.;]{0,60}\b(period|periode)\b",
    re.IGNORECASE,
)

# Words that lead on to the next date ("... by 31 July 2027 with the contract starting on
# <date>"): they speak of that date, not of the one before them.
LEADS_ON = re.compile(
    r"\b(on|op|by|per|from|van|until|tot|at|om|before|vóór|to|naar|t/m|tot en met|dated|is|was"
    r"|of)\W{0,3}$",
    re.IGNORECASE,
)

# Words between two dates that go on about the same subject: "het DAS is ingesteld op <date> en
# loopt tot <date>", "the present contract, signed on <date>, will end on <date>". When the first
# date is background, the term of that subject is background too, not the assignment's.
SAME_SUBJECT = re.compile(
    # "Het huidige contract, dat op 1 januari 2019 inging, eindigt op": the end of a relative
    # clause and a comma before the verb
    r"^\W{0,3}(?:[\w-]{1,20},\s{1,3})?(?:(?:en|and|maar|but|which|that|die|dat)\s{1,3})?"
    r"(?:(?:will|shall|zal|zullen|is|was|wordt|has|heeft)\s{1,3})?"
    r"(?:loopt|lopen|liep|liepen|runs?|ran|ends?|ended|eindigt|eindigde|expires?|expired"
    r"|afloopt|verloopt|duurt|duurde|lasts?|lasted|continues?|continued"
    # "(ingesteld op 1 juli 2024, looptijd tot 1 juli 2028)"
    r"|looptijd(?= (tot|t/m))|(?:valid|geldig) (?=until|tot))\b",
    re.IGNORECASE,
)

# A label whose value is a time that belongs to the date just above it: "Eindtijd  09:00 uur".
TIME_LABEL = re.compile(r"tijd|tijdstip|\btime\b|\buur\b|\bhour\b|\bheure\b", re.IGNORECASE)


def _vague_pattern() -> re.Pattern[str]:
    months = month_pattern()
    return re.compile(
        r"z\.\s?s\.\s?m\.?|\bzsm\b|\basap\b|as soon as possible|zo (spoedig|snel) mogelijk"
        r"|per direct|\bimmediately\b|\b(over)?morgen\b|\bvandaag\b|\btomorrow\b"
        r"|\btoday\b|\bbinnen\s{1,3}(\d{1,3}|een|één|twee|drie|vier)\s{1,3}(werk)?(dag|dagen|week|weken|maand|maanden)\b"
        r"|\bwithin\s{1,3}(\d{1,3}|a|one|two|three)\s{1,3}(working\s{1,3})?(days?|weeks?|months?)\b"
        r"|\b(begin|medio|half|eind|einde|early|mid|late|end of)[\s-]+"
        rf"({months})(?![^\W\d_])"
        r"|\bweek\s+\d{1,2}\b|\bQ[1-4]\b|\b\d{1,3}\s{1,3}(dagen|weken|maanden|days|weeks|months)\b",
        re.IGNORECASE,
    )


VAGUE = _vague_pattern()
