"""The table that says what a sentence means."""

from __future__ import annotations

import pytest

from tender_notifier.importer.rules import RULES, Background, Depends, Rule, classify
from tender_notifier.timeline import Kind


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.meaning.value}: {r.example}")
def test_every_rule_means_its_own_example(rule: Rule) -> None:
    if rule.meaning is Depends.MOVED_TO:  # it means what it names: "de deadline"
        assert classify(rule.example, "") is Kind.SUBMISSION_DEADLINE
    else:
        assert classify(rule.example, "") is rule.meaning


@pytest.mark.parametrize(
    ("before", "after", "meaning"),
    [
        ("Vragen kunnen ingediend worden tot", "", Kind.QUESTIONS_DEADLINE),
        ("De vragen en bijbehorende antwoorden worden op", "gepubliceerd", Kind.ANSWERS_PUBLISHED),
        ("Einde inschrijfdatum:", "", Kind.SUBMISSION_DEADLINE),
        ("Op", "worden de antwoorden gepubliceerd.", Kind.ANSWERS_PUBLISHED),
        ("Uiterlijk per", "beschikbaar voor 24 uur per week", Kind.START),
        ("U kunt tot en met", "vragen stellen", Kind.QUESTIONS_DEADLINE),
        ("Start gesprekken:", "", Kind.INTERVIEWS),
        ("Publicatiedatum:", "", Background.BACKGROUND),
        ("Deze aanvraag is op", "gepubliceerd op TenderNed.", Background.BACKGROUND),
        ("The current contract ends on", "", Background.BACKGROUND),
        ("It replaces the existing arrangement, which ends on", "", Background.BACKGROUND),
        ("Clarification questions deadline", "", Kind.QUESTIONS_DEADLINE),
        ("Tenders must be submitted before", "", Kind.SUBMISSION_DEADLINE),
        ("Datum:", "", None),
        # requests to participate, expressions of interest, openings
        ("Uiterste datum van ontvangst van de aanmeldingen:", "", Kind.PARTICIPATION_DEADLINE),
        ("Sluitingsdatum verzoek tot deelneming:", "", Kind.PARTICIPATION_DEADLINE),
        ("Meld u dan aan via Negometrix vóór", "", Kind.PARTICIPATION_DEADLINE),
        ("Expressions of interest must be submitted by", "", Kind.PARTICIPATION_DEADLINE),
        ("Tender participation deadline:", "", Kind.PARTICIPATION_DEADLINE),
        ("Completed qualification questionnaires are due by", "", Kind.PARTICIPATION_DEADLINE),
        ("Opening inschrijvingen:", "", Kind.OPENING),
        ("IV.2.7) Conditions for opening of tenders", "", Kind.OPENING),
        ("Openbare opening via TenderNed", "", Kind.OPENING),
        (
            "Time limit for receipt of tenders or requests to participate",
            "",
            Depends.TENDERS_OR_REQUESTS,
        ),
        (
            "Termijn voor ontvangst van inschrijvingen of deelnemingsaanvragen",
            "",
            Depends.TENDERS_OR_REQUESTS,
        ),
        # the words of Belgian, mail and platform announcements
        ("Uiterste indieningsdatum:", "", Kind.SUBMISSION_DEADLINE),
        ("Opening der offertes:", "", Kind.OPENING),
        ("Reageer dan uiterlijk", "", Kind.SUBMISSION_DEADLINE),
        ("Ingang contract", "", Kind.START),
        ("De opdracht vangt aan op", "", Kind.START),
        ("Toelichting offerte", "", Kind.INTERVIEWS),
        ("Uitnodigen voor gesprek", "", Kind.SHORTLIST_NOTICE),
        ("Wij willen de twee beste partijen uitnodigen voor een pitch op", "", Kind.INTERVIEWS),
        ("Shortlist bekend:", "", Kind.SHORTLIST_NOTICE),
        ("De hiring manager laat op", "weten wie er op gesprek mag komen", Kind.SHORTLIST_NOTICE),
        ("Q&A cut-off", "", Kind.QUESTIONS_DEADLINE),
        ("Clarification log published", "", Kind.ANSWERS_PUBLISHED),
        ("Informatieverzoeken kunt u tot en met", "indienen", Kind.QUESTIONS_DEADLINE),
        ("We streven ernaar u op", "te laten weten aan wie we de opdracht gunnen", Kind.AWARD),
        ("Decision", "", Kind.AWARD),
        ("Questions can be posted in the Q&A until", "", Kind.QUESTIONS_DEADLINE),
        ("Einde (zonder verlenging)", "", Kind.END),
        ("Delivery and installation completed:", "", Kind.END),
        ("Levering ten laatste op", "", Kind.END),
        ("de speelplaats moet uiterlijk", "opgeleverd zijn", Kind.END),
        ("De nieuwe overeenkomst gaat op", "in", Kind.START),
        ("Let op: de opdrachtgever heeft van", "reces", Background.BACKGROUND),
        ("Het inkoopbureau is gesloten van", "", Background.BACKGROUND),
        ("alleen toegestaan buiten het broedseizoen (", "", Background.BACKGROUND),
        ("De raamovereenkomst zelf loopt tot", "", Background.BACKGROUND),
        ("Wijziging 1: de sluitingsdatum is gewijzigd van", "", Background.REPLACED),
        ("de beoogde datum van de gunning schuift van", "", Background.REPLACED),
        ("om 12:00 uur (niet ", "", Background.REPLACED),
        ("De sluitingsdatum verschuift naar", "", Kind.SUBMISSION_DEADLINE),
        ("Verzending uitnodiging", "", Depends.DOCUMENTS_ISSUED),
        (
            "Each supplier will be invited to a demonstration day; these will be held on",
            "",
            Kind.INTERVIEWS,
        ),
        # what follows "na", "after" or "once" comes before the date, not on it
        ("Na de gunning start de opdracht op", "", Kind.START),
        ("Following the interviews, the contract will start on", "", Kind.START),
        ("Na ontvangst van de aanmeldingen start de opdracht op", "", Kind.START),
        (
            "Once the questions have been answered, tenders must be submitted by",
            "",
            Kind.SUBMISSION_DEADLINE,
        ),
        ("Na de presentaties volgt de voorlopige gunning op", "", Kind.AWARD),
        ("Na de gesprekken:", "", None),
        # what the nearest words say wins over a phase's name
        ("Gunningsfase: inschrijven tot", "", Kind.SUBMISSION_DEADLINE),
        ("Inlichtingenbijeenkomst (digitaal):", "", Kind.OTHER),
        ("worden de kandidaten uitgenodigd voor een gesprek op", "", Kind.INTERVIEWS),
        ("Terugkoppeling na gesprekken:", "", None),
        ("Responses to clarification questions will be published on", "", Kind.ANSWERS_PUBLISHED),
        ("De schriftelijke reactie op de vragenlijst moet uiterlijk", "", Kind.SUBMISSION_DEADLINE),
        # moved dates: the old one is not used, the new one is what the words name
        ("de sluitingsdatum is verplaatst van", "", Background.REPLACED),
        ("Nieuwe sluitingsdatum: 22 januari 2027 12:00 uur (was:", "", Background.REPLACED),
        ("deze vinden niet meer plaats op", "", Background.REPLACED),
        ("Let op: de deadline is verlengd tot", "", Kind.SUBMISSION_DEADLINE),
        ("De opdracht kan worden verlengd tot", "", None),
        # an anchor at the end speaks of the words just before a date, not after it
        ("Op", "worden de kandidaten uitgenodigd voor een gesprek op", Kind.SHORTLIST_NOTICE),
        # background: versions, updates, the dynamic purchasing system's own term
        ("LET OP – UPDATE", "", Background.BACKGROUND),
        ("Het DAS loopt van", "", Background.BACKGROUND),
        ("begeleidt de aanbesteding van de jeugdteams die per", "opnieuw wordt ingericht.", None),
        ("De overeenkomst loopt van", "", Kind.START),
        ("Opdrachtverlening:", "", Kind.AWARD),
        ("Kandidaten kunnen tot", "worden aangeleverd.", Kind.SUBMISSION_DEADLINE),
        ("Inzet tot en met", "", Kind.END),
        ("Deadline for questions (Q&A round 1):", "", Kind.QUESTIONS_DEADLINE),
        ("Q&A published:", "", Kind.ANSWERS_PUBLISHED),
        ("Tender must be valid until:", "", Background.BACKGROUND),
        ("Beoordeling inschrijvingen:", "", Background.BACKGROUND),
        # labels of other platforms and notices
        ("Q&A deadline:", "", Kind.QUESTIONS_DEADLINE),
        ("Deadline for requesting additional information:", "", Kind.QUESTIONS_DEADLINE),
        ("Publication of clarifications:", "", Kind.ANSWERS_PUBLISHED),
        ("Tender return date:", "", Kind.SUBMISSION_DEADLINE),
        ("Closing:", "", Kind.SUBMISSION_DEADLINE),
        ("Indienen vóór", "", Kind.SUBMISSION_DEADLINE),
        ("SQ return deadline:", "", Kind.PARTICIPATION_DEADLINE),
        ("Selection result:", "", Kind.SHORTLIST_NOTICE),
        ("Je hoort uiterlijk", "of je door bent naar de gesprekken.", Kind.SHORTLIST_NOTICE),
        ("Wij verwachten de opdracht op", "te gunnen.", Kind.AWARD),
        ("Dialoogronde 1:", "", Kind.OTHER),
        # steps with no kind of their own, and registering for them
        ("Plaatsbezoek:", "", Kind.OTHER),
        ("Einde wachttermijn:", "", Kind.OTHER),
        ("Please register for the session by", "", Kind.OTHER),
        ("Aanmelden voor de informatiebijeenkomst kan tot", "", Kind.OTHER),
        ("Inschrijven voor de schouw kan tot", "", Kind.OTHER),
        ("Aanmelden voor de eerste toelatingsronde: tot", "", Kind.PARTICIPATION_DEADLINE),
        ("Suppliers must register on the portal by", "", None),
        ("Uiterste datum aanmelding schouw:", "", Kind.OTHER),
        ("Site visit registration deadline:", "", Kind.OTHER),
        ("De opschortende termijn van 20 dagen eindigt naar verwachting op", "", Kind.OTHER),
        ("Een eerdere informatiebijeenkomst vond plaats op", "", Background.BACKGROUND),
        ("Op", "vond een informatiebijeenkomst plaats.", Background.BACKGROUND),
        ("An optional site visit is scheduled for", "", Kind.OTHER),
        ("Bezoek aan de locatie (optioneel):", "", Kind.OTHER),
        ("Bidders are invited to attend a briefing session on", "", Kind.OTHER),
        (
            "Geïnteresseerde partijen worden uitgenodigd voor een marktbijeenkomst op",
            "",
            Kind.OTHER,
        ),
        ("Presentation of the tender documents (online):", "", Kind.OTHER),
        ("Walk-through of the premises:", "", Kind.OTHER),
        ("De kandidaten worden uitgenodigd voor een pitchsessie op", "", Kind.INTERVIEWS),
        ("Shortlisted suppliers will be invited to tender on", "", Kind.SHORTLIST_NOTICE),
        ("The contract includes an option to extend until", "", Background.BACKGROUND),
        ("Opening date:", "", Kind.OPENING),
        # what happened already, and the terms of things other than the assignment
        ("De eerste vragenronde is gesloten op", "", Background.BACKGROUND),
        ("De nota van inlichtingen is op", "gepubliceerd.", Background.BACKGROUND),
        ("De gesprekken zijn gepland op", "", Kind.INTERVIEWS),
        ("De wet treedt op", "in werking.", Background.BACKGROUND),
        ("Het programma loopt tot", "", Background.BACKGROUND),
        ("Het contract liep van 1 januari 2020 tot", "", Background.BACKGROUND),
        ("Inschrijvingen blijven geldig tot", "", Background.BACKGROUND),
        ("Tarieven worden aangeboden op prijspeil", "", Background.BACKGROUND),
        ("The market consultation took place on", "", Background.BACKGROUND),
        ("Vragen uit de tweede ronde worden uiterlijk", "beantwoord.", Kind.ANSWERS_PUBLISHED),
        ("Inschrijvingen worden op", "om 12:30 uur geopend.", Kind.OPENING),
        ("Datum intake:", "", Kind.INTERVIEWS),
        ("Uiterste aanleverdatum:", "", Kind.SUBMISSION_DEADLINE),
        ("Terugkoppeling op je aanbieding volgt uiterlijk", "", Kind.SHORTLIST_NOTICE),
        ("Contactpersoon is tot", "met verlof; vragen via het platform.", Background.BACKGROUND),
        # dates of other procedures, undone, given as examples, counted from, or done
        ("De eerdere aanvraag (sluitingsdatum", ") is ingetrokken.", Background.BACKGROUND),
        ("De vacature uit januari (sluitingsdatum", ") staat hier los van.", Background.BACKGROUND),
        ("The deadline of", "stated in the original RFP no longer applies.", Background.BACKGROUND),
        ("Offertes die vóór", "zijn ingediend, worden niet beoordeeld.", Background.BACKGROUND),
        ("the portal closes at 23:59; submissions at 00:00 on", "are late", Background.BACKGROUND),
        ("Example: a bidder who submits on", "", Background.BACKGROUND),
        ("Beschikbaarheid: niet in de periode", "", Background.BACKGROUND),
        ("Marktconsultatie afgerond:", "", Background.BACKGROUND),
        ("Binnen 3 werkdagen na", "hoor je of je bent uitgenodigd", Background.RELATIVE),
        ("Shortlisted suppliers will be informed within two weeks of", "", Background.RELATIVE),
        ("Clarifications received after", "may not be answered.", Background.RELATIVE),
        ("RFI responses due:", "", Background.INFORMATION_REQUEST),
        ("Het oorspronkelijke einde van de opdracht (", ") is vervroegd.", Background.BACKGROUND),
        ("De oorspronkelijke sluitingsdatum (", ")", Background.REPLACED),
        # the clause of the date, not the one before it
        ("Beoogde opdrachtverstrekking: juli 2027; start werkzaamheden", "", Kind.START),
        ("The successful supplier will be notified on", "", Kind.AWARD),
        ("Please send your quotation by", "", Kind.SUBMISSION_DEADLINE),
        ("Last date for tenders:", "", Kind.SUBMISSION_DEADLINE),
        ("een uitnodiging voor een gesprek op", "", Kind.INTERVIEWS),
        ("De start is op", "en de werkdag begint om 08:30 uur.", Kind.START),
    ],
)
def test_the_words_around_a_date_say_what_it_is(
    before: str, after: str, meaning: Kind | Background | None
) -> None:
    assert classify(before, after) is meaning
