"""Recall on announcements the rules were never tuned on (``heldout/``).

The texts were written without looking at the rules and are never opened while working on
them; only these totals are reported, at the end of the test output (conftest.py), so they
stay unseen. Before the rules learned from the second set of training texts, they found 74 % of
these dates and invented 11; after it 85.4 % and 12; after the third set (two-phase procedures,
lots, tables of moved dates, other platforms' labels, background dates) 87.0 % and 10; after the
fourth (20 texts full of dates that are no step ahead: other procedures, withdrawn and moved
deadlines, examples, terms counted from a date, periods of the procedure, dates before the
publication; times in their date's clause) 87.0 % and 9; after the fifth (46 texts: timetables
without a year across the turn of the year, day and month in numbers after a weekday, short
years, date-first lists, periods of interviews, invoices and holidays, Dutch verbs split around
the date, "a.s." and "jl.", a step "op diezelfde dag") 88.6 % and 8; after the sixth (45
texts: times in other zones, weekdays that do not fall on their date, day and month of one
digit, Belgian and mail announcements, change notices and message logs, date-first items,
From/To tables, dotted leaders, sections that are not binding) 89.4 % and 7. A rule that moved
a day without a year a year on, when it lay in an impossible order, was taken out again
before that count: with it the count was 89.4 % and 9. After the seventh (30 texts: recruiter
posts, PDF pastes with page heads and words broken over lines, UK time and US dates, change
notices with old and new dates, rounds of questions, timetables with asterisked dates; and more
conservative readings: a start or end in prose that does not speak of the assignment, a step
next to a time it cannot tie, "notified" alone, are listed) 90.2 % and 7. After re-annotating
info sessions and site visits as other milestones: 90.2 % and 7.

Those 20 texts (01-20) had been counted after every step, so their score flatters the rules. 25
more (21-45: Dutch, Flemish and English; UK, Irish and EU notices, a buyer's email, a recruiter's
post, a nota van inlichtingen and corrections that move dates, two-phase procedures, lots, a
dynamic purchasing system, a mini-competition) were written without looking at the rules and
joined the held-out part unseen: the rules before the re-annotation step found 75.8 % of their
dates (116/153) and invented 25, after it 78.4 % (120/153) and 23. Over all 45: 83.7 % and 30.
Interview periods of more than two days (a week number, "5-7 July") are not milestones here,
as in the training corpus. After the eighth set (50 texts: Dutch and Flemish hiring requests,
UK, Irish and EU notices in UK time, change notices, tables with a date per column, times in
brackets and for several days, quoted earlier mails, BAFOs and negotiation meetings): 88.8 % and
16. Then 25 more texts written without looking at the rules joined unseen (46-70): the rules
before the eighth set found 76.9 % of their dates (113/147) and invented 21, after it 83.0 %
(122/147) and 16. Over all 70: 86.8 % and 32. After the ninth set (50 texts: dates that are no
step, moved and void dates, Q&A logs, quoted mails, TED rectifications, letters, zones, lots,
slots and unusual layouts): 86.8 % and 32.
Then 25 more texts written without looking at the rules joined unseen (71-95): 82.9 % of their
dates (126/152) and 21 invented, before the ninth set and after it alike. Over all 95: 85.7 %
and 53.
After the tenth round (general mechanisms against a development set of 25 texts written
without looking at the rules: wrapped lines, brackets, headings lending their step only to bare
dates, old text of change notices, channel names): 86.3 % and 52. The development set itself
went from 86.3 % and 7 to 97.0 % and 0, but 25 further texts written without looking at the
rules (96-120: Dutch, Flemish, UK, Irish and TED notices, two-phase procedures, lots, change
notices, a Q&A log, mails, PDF pastes, marketplace requests) found 78.9 % of their dates
(138/175) before that round and 78.9 % after it, with 13 and 12 invented: tuning on texts
raises the score on those texts, hardly on new ones. They joined the held-out part unseen. Over
all 120: 84.5 % and 64.
Then 30 more texts written without looking at the rules joined unseen (121-150: Dutch
marketplace requests, municipal and water board tenders, a nota van inlichtingen, mails, a
restricted procedure, a letter whose timetable has no years across the turn of the year,
Flemish notices, UK, Irish, Danish and EU agency notices, a DPS call-off, a competitive
dialogue, lots, a Q&A log with an extension): the rules found 79.1 % of their dates (167/211)
and invented 20. Over all 150: 83.4 % and 84. The test output also says why, by kind of
mistake (``Totals.why``), still without naming any text.
The eleventh round read two development sets of 30 texts written without looking at the rules
(they joined the training corpus as 321-380) for general mechanisms: what a section's heading
lends to the lines under it, cells of tables wrapped over lines, change notices with their
labels on lines of their own, signs that a text's times are UK time, one moment written in two
zones. 30 more texts, written at the same time and never read (151-180), were scored before the
round and after it only: 85.0 % (187/220) and 11 invented before, 89.1 % (196/220) and 9 after.
On texts 1-150 the round went from 83.4 % and 84 to 86.6 % (832/961) and 70 (the section
headings found 5 more there and invented 1; that trade was kept). Over all 180: 87.0 % and 79.
30 more texts were written without looking at the rules while the round went on (181-210) and
scored only at its end: 80.5 % (173/215) and 16 invented with the rules before the round, 87.0 %
(187/215) and 10 after it. Over the 60 texts of the two judge sets: 82.8 % and 27 before,
88.0 % (383/435) and 19 after. 20 more, written at the end of the round (211-230): 78.3 %
(90/115) and 10 invented with the rules before the round, 82.6 % (95/115) and 10 after. Over
the three judge sets (80 texts, 550 dates): 81.8 % and 37 invented before the round, 86.9 %
(478/550) and 29 after. Over all 230: 87.0 % (1315/1511) and 99.
The twelfth round read six development sets of 15 texts written without looking at the rules
(they joined the training corpus as 381-470) for general mechanisms: cells of space-aligned
tables wrapped in several columns, logs of questions, lines ending on a colon over the dates
listed under them, a sentence that opens on what the one before named, changes of some lots
only, the year of a text that writes none read from the day it is read, UK signs in mail
addresses. Six judge sets of 15, written at the same time and never read (231-320), were scored
before the round and after it only: 81.3 % (584/718) and 91 invented before, 84.1 % (604/718)
and 86 after (by pairs: 87.5 % and 20 to 90.5 % and 19; 82.8 % and 37 to 85.3 % and 34; 74.4 %
and 34 to 77.2 % and 33, the last pair asked for unusual layouts). On texts 1-230 the round went
from 87.0 % and 99 to 87.9 % (1328/1511) and 95. Over all 320: 86.7 % (1932/2229) and 181.
The thirteenth round read eight development sets of 15 texts written without looking at the
rules (they joined the training corpus as 471-590) for general mechanisms: public holidays and
closed offices named beside their dates, tables of original and revised dates aligned with
spaces, labels and values of dotted schedules wrapped on either side of the dots, a column
headed "Oud", old and new dates under the sentence that names their step, the fields of a log
of questions, a letter's dateline under both addresses, UK platforms and bodies. Six judge
sets of 15, written at the same time and never read (321-410), were scored before the round
and after it only: 82.9 % (619/747) and 86 invented before, 84.9 % (634/747) and 76 after. On
texts 1-320 the round went from 86.7 % and 181 to 87.1 % (1941/2229) and 162. Over all 410:
86.5 % (2575/2976) and 238. Three more judge sets of 15, written while the round was closing
(411-455), were scored with the rules from its start, after its main part and at its end: 322
of 372 dates (86.6 %) each time, and 28, 27 and 27 invented; the round gained nothing on them.
With the round's last rules, texts 1-410 came to 2576/2976 and 237. Over all 455: 86.6 %
(2898/3348) and 264.
The fourteenth round read four development sets of 15 texts written without looking at the
rules (English prose and mails of UK and Irish buyers, Dutch marketplace requests and mails,
Belgian, EU and Nordic notices, PDF pastes) and then three more (they joined the training
corpus as 591-695) for general mechanisms: times written "1500hrs", "kl. 12.00" or in the zone
of an EU body's seat, a text that writes one time in UK time, the old text of a change notice
quoted under a label of its own, cells of tables parted by tabs or bars wrapped over lines,
buyers that answer, tell who passed or decide in words of their own, a sentence that points
back or names the start after a comma, a paragraph that announces the sections under it, no
sentence end after a title or an initial. The last three development sets were scored before
any of their texts was read: 80.1 % (225/281) with the rules from the start of the round,
81.5 % after its first part. Four judge sets of 15, written at the same time and never read
(456-515), were scored before the round, after its first part and at its end: 87.5 % (316/361)
and 28 invented, then 89.2 % (322/361) and 24 both times (the second part gained nothing on
them, while the three sets it was tuned on went from 81.5 % to 87.9 %). On texts 1-455 the round
went from 86.6 % and 264 to 87.1 % (2916/3348) and 254. Over all 515: 87.3 % (3238/3709) and
278. A last rule (the hours of a step told as "beginnen om half tien en duren tot 12.30 uur")
made that 2917 and 253 on texts 1-455 and 3239 and 277 over all 515.
The fifteenth round read nine development sets of 15 texts written without looking at the
rules (they joined the training corpus as 696-830): Dutch marketplace requests and formal
tenders, UK and Irish notices, logs and mails, Belgian and EU notices in Dutch, French and
English, hard layouts, and notices of international organisations with times in their own
zones. It built general mechanisms: dates that record what happened (a question received, an
answer written, a document uploaded, the version of a log), times in Dutch words ("tussen half
tien en half één"), Belgian and EU notices in French, dates written "26.01.27", "Amended to:"
under the part it changes, the zone of any city or of an unambiguous abbreviation ("1600 hrs
Nairobi time", "12:00 noon EST"), "local time" in a notice about a place abroad, saying whether
one will bid, ways to attend under an event's heading. Four judge sets of 15, written at its
start and never read (516-575), found 352 of 422 dates (83.4 %) and invented 46 with the rules
from its start, 360 (85.3 %) and 45 with its last rules; two more, written while it went on
(576-605), 179 of 205 (87.3 %) and 20, then 183 (89.3 %) and 16. On texts 1-515 the round went
from 3239 and 277 to 3245 (87.5 %) and 273. Over all 605: 87.4 % (3788/4336) and 334.
The sixteenth round read four development sets of 15 texts written without looking at the
rules (they joined the training corpus as 831-890: Dutch marketplace requests, UK, Irish,
Scottish and Welsh notices, Belgian, Nordic and EU notices, hard layouts), each scored before it
was read: 341 of 428 dates (79.7 %) and 65 invented, then 368 (86.0 %) and 47. It built general
mechanisms: the slots of a day as one period, a line offering slots that lends the step of the
sentence before it, a statement that all times are CET against signs of the UK, a time after
"kl." on the next line, a time in the sentence after its date (the clause of the time, a
cut-off "after 17:00 on that date", a deadline's new time "on that day"), a ruled table's date
cell going on with its time, Dutch spans and evening hours in words, French words for the end
of a contract, registering and a local time field, and wording ("Invited bidders must submit",
"ITT responses", a step "by invitation only", a "Questions and answers" tab, the end of a
standstill period, kick-off and mobilisation meetings). Three judge sets of 15, written at its
start and never read (606-650), found 261 of 297 dates (87.9 %) and invented 36 with the rules
from its start, 262 (88.2 %) and 33 with its last rules. On texts 1-605 the round went from
3788 and 334 to 3796 (87.5 %) and 331. Over all 650: 87.6 % (4058/4633) and 364.
Three more judge sets of 15, written while the round was closing (651-695), found 237 of 289
dates (82.0 %) and invented 51 with the rules from its start and with its last rules alike:
the round gained nothing on them. Over all 695: 87.3 % (4295/4922) and 415.
The seventeenth round added a learned reader (importer/learned.py): a model trained on the
910 training texts gives its kind to a date the rules cannot tell the meaning of, when its
probability is at least 0.8; it never overrules the rules. Its threshold and the choice to let
it only fill (not veto or change a step the rules read) were made on four sets of 15 texts
written for it and never tuned on by the rules: 356 of their 422 dates and 50 invented by the
rules, 360 and 51 with the reader. On texts 1-695: 87.3 % and 415 before, 88.6 % (4363/4922)
and 422 after. Four judge sets of 15, written at the same time and never read (696-755), found
350 of 415 dates (84.3 %) and invented 95 with the rules alone, 354 (85.3 %) and 100 with the
reader. Over all 755: 87.0 % (4645/5337) and 510 before, 88.4 % (4717/5337) and 522 after.
Those four sets then joined the training corpus (891-950) and the reader was trained again on
970 texts: texts 1-695 88.8 % (4371/4922) and 420, 696-755 354 and 100 (unchanged). Over all
755: 88.5 % (4725/5337) and 520. Four more sets of 15 written for checking the reader as
shipped (rules alone 371 of 425 dates and 69 invented, with the reader 383 and 71) joined the
training corpus too (951-1010); trained again on 1030 texts: over all 755, 88.5 % (4725/5337)
and 519. Four more (1011-1070), on which a reader that also reads the segment before its date
and dropping steps were measured and left, joined as well; trained on 1090 texts: 88.6 %
(4727/5337) and 518.
The eighteenth round read four development sets of 15 texts written for it (rules and reader
371 of 414 dates and 28 invented before, 386 and 20 after) for general mechanisms: a day
without a year is not put more than about a year after the day the text is read, a change
notice's "Section: <step>" over "Old text:" and "New text:", fields "previously:" and "now:"
on lines of their own, a part to change that names tenders or requests, registering for an
event is no selection phase, "Tender participation deadline", qualification questionnaires,
an existing arrangement's end, an office closed between two days, the school year's start.
Over all 755: 88.8 % (4739/5337) and 518. Four judge sets of 15 written at its start (424 dates)
found 372 and invented 43 before and after it. They and the development sets joined the training
corpus (1071-1190), and the reader was trained again on 1210 texts: on four more judge sets,
written when the round's rules were done (464 dates), the round went from 403 (86.9 %) and 35
invented to 405 (87.3 %) and 35. Over all 755: 88.8 % (4739/5337) and 518.
The nineteenth round let the learned reader overrule the rules where it is very sure: a step it
reads as none with a probability of at least 0.95 is dropped, a step it reads as another kind
with at least 0.99 takes that kind when its date is the only one of its sentence; never a step
the rules read from a date's clauses. Thresholds and the guard were chosen on four development
sets of 15 texts written for the round (413 dates): 349 and 60 invented before the round, 353
and 50 after. Two rules came with it: a tender deadline at the very moment requests to
participate close is that deadline read twice, and final tenders (a BAFO) may be due after the
negotiation meetings. Four judge sets of 15 (440 dates): 365 (83.0 %) and 80 invented before,
367 (83.4 %) and 70 after. Those eight sets joined the training corpus (1191-1310) and the
reader was trained again on 1330 texts. Over all 755: 89.0 % (4750/5337) and 467.
Four more development sets of 15 (438 dates), read with that reader: 354 and 60 invented before
the round's second part, 368 and 52 after it: an opening keeps its kind against the reader
(which learned a day's deadline and opening as the deadline), a publication date is not one the
text says will come or that a period runs "until", "om klokke 11.00 uur", a Dutch
"onderhandelingsronde" and the negotiation meetings or demonstrations one is invited to are
interviews, a head row over the old and new dates only, a short dotted leader ends no sentence.
Four judge sets of 15 (454 dates): 383 and 58 invented before, 386 (85.0 %) and 56 after. Over
all 755: 89.4 % (4769/5337) and 455. Those eight sets joined the training corpus too (1311-1430)
and the reader was trained again on 1450 texts: over all 755, 89.2 % (4761/5337) and 457.
A third part read four more development sets of 15 (424 dates): 353 and 77 invented with the
rules and reader of the round's start, 359 and 63 with those of its second part, 370 and 56
at the end: a cell ending on "verzoek tot" goes on below, responses under "Stage 1 - Conditions
of participation" are requests to participate, an invitation to demonstrate over a longer
clause, and a date years before the reading day ("awarded on 2 April 2019") gives no year to
the days written without one. They joined the training corpus (1431-1490) and the reader was
trained again on 1510 texts. Over all 755: 89.6 % (4780/5337) and 448.
The twentieth round read eight development sets of 15 texts written without looking at the
rules (906 dates): 742 (81.9 %) and 122 invented with the rules of the round's start, 802
(88.5 %) and 85 at its end. Its mechanisms: a newer message that changes the planning replaces
the dates of its quoted earlier message for the steps it dates anew (not a forward's comments,
not a step it says stays as it was); the column of a log that says when each entry was made is
no step; a date alone over the words indented under it; the words beside a date's cell are said
of the step the first cell names; lots under a head row with no head over the steps' column;
wrapped label and date cells go on together; times in words ("half past ten", "ten in the
morning"), to the second, after "that afternoon", in the sentence after a moved deadline ("Het
tijdstip blijft 10.00 uur", "The hour remains unchanged"); a weekday that fits no year near an
old date; Flemish, French and informal wordings. A reading of items over two lines that were not
indented (a date alone, the words under it) read one development set's timetables but changed
one of these 755 texts for the worse; the judge sets had none, and it was left out. Six judge
sets of 15 (674 dates): 581 (86.2 %) and 90 invented before the round, 593 (88.0 %) and 73
after. Over all 755 with the reader trained on 1510 texts: 90.0 % (4802/5337) and 414. The
fourteen sets joined the training corpus (1491-1700) and the reader was trained again on 1720
texts. Over all 755: 90.2 % (4813/5337) and 413.
The twenty-first round read five development sets of 15 texts written for it (550 dates; they
joined the training corpus as 1701-1775): 477 (86.7 %) found and 80 invented with the rules of
its start, 499 (90.7 %) and 45 at its end. It looked for dates that are no step: a buyer closed
or hard to reach, a candidate away, a page's creation or export stamp, an offer's time of
submission, an event that did not take place or was cancelled, what a document says quoted by a
question or a correction, a declined request, the end the options reach, a preliminary market
engagement's deadlines (other steps); old dates after "i.p.v.", "waren gepland op", "niet ...,
maar" and in old text aligned under "Instead of:"; each message of a thread replaced by the
newer ones that change the planning. Over all 755 with the reader of 1720 texts: 90.4 %
(4823/5337) and 400. Five judge sets of 15 (549 dates), written at the same time and never read:
463 (84.3 %) and 95 invented before the round, 473 (86.2 %) and 83 after. The ten sets joined
the training corpus (1701-1850) and the reader was trained again on 1870 texts. Over all 755:
90.2 % (4814/5337) and 399.
The twenty-second round read five development sets of 15 texts written without looking at the
rules (556 dates): 508 (91.4 %) and 42 invented with the rules of its start, 526 (94.6 %) and 28
at its end. Its mechanisms: old dates "(eerder gemeld: ...)" and "rather than on"; a newer mail
that moves one lot's date keeps the other lots'; a mail address names no step; the questions that
made a date move are not the step; a correction heading its sentence; slots listed under an
event's day; an event's hours, not the time to arrive by; evaluations and rows "(info)"; an aside
in brackets before "op" and between a day and its hours; final tenders after the negotiations
of a procedure named so; the end the extensions reach; a standstill counted in days; call-offs
from a day; one interview day moved to another. Over the 755: 90.3 % (4817/5337) and 398.
Three judge sets of 15 (290 dates), written at the same time and never read: 263 (90.7 %) and 24
invented before the round, 263 and 23 after. Trained on the five development sets as well, the
reader gave 4817 and 402 over the 755 (with the judge sets too: 4811 and 403), above the count
of invented dates this file allows, so the development sets did not join the training corpus
and the reader stays the one trained on 1870 texts. The judge sets joined the held-out part
unseen (756-800). Over all 800: 90.3 % (5080/5627) and 421.
The twenty-third round read five development sets of 15 texts written without looking at the
rules (552 dates; full of dates that are no step, Flemish notices, staffing requests, threads
and tables of versions): 490 (88.8 %) and 54 invented with the rules of its start, 510 (92.4 %)
and 32 at its end. Its mechanisms: the end renewals reach ("hernieuwbaar ..., maximaal driemaal
(uiterlijk tot ...)") and an existing contract's; a meeting point at an entrance; registering
for a session with "Inschrijven verplicht tot" or "Inschrijven via ... tot"; "verantwoordelijke"
is no answer; a span from a time on one day to a time on another (up to a week); a head row
naming versions with their dates; a row whose new cell says "vervalt"; a standstill's end among
moved dates; a visit that "will no longer take place on"; a thread sent oldest first; a kick-off
with the carriers awarded; webinars about the application process; an open call that selects
teams. Over the 800: 90.3 % (5080/5627) and 419. Three judge sets of 15 (331 dates), written at
the same time and never read: 309 (93.4 %) and 16 invented before the round, 309 and 16 after.
The development sets stay out of the training corpus, as in the round before. The judge sets
joined the held-out part unseen (801-845). Over all 845: 90.4 % (5389/5958) and 435.
The twenty-fourth round read five development sets of 15 texts written without looking at the
rules (530 dates; staffing requests full of dates that are no step, UK and Irish notices and
mails, changes to published tenders, Flemish and multi-lot notices, Dutch formal tenders heavy
with background dates): 437 (82.5 %) and 84 invented with the rules of its start, 463 (87.4 %)
and 65 at its end. Its mechanisms: a table with a column per version ("Origineel | Rectificatie
1 | Rectificatie 2"), where the last dated column stands; the times of one day given lot by lot,
a milestone each, also on the line under their day; a mail from an Irish address or one that
opens "A chara" writes Irish time; "Mgr." ends no sentence; the delivery of a first part or
phase is no end; "invited to give a presentation"; samples explained "mondeling toe"; a pay
award is no award. Over the 845: 90.6 % (5401/5958) and 425. Three judge sets of 15 (295
dates), written at the same time and never read: 278 (94.2 %) and 24 invented before the round,
278 and 24 after. The development sets stay out of the training corpus. The judge sets joined
the held-out part unseen (846-890). Over all 890: 90.8 % (5679/6253) and 449.
The round's second part read two more development sets (198 dates; logs of questions, mail
threads, dates that are no step beside real ones): 179 and 29 invented before it, 183 and 16
after; over all seven sets 642/728 and 94 to 652 and 71. Its mechanisms: a log's own day in
brackets under its heading; a numbered question or a question sentence sets no date, not even
through the learned reader; a module's name after "via de module"; rows of a table under "as
follows:"; a time and the span it starts are one milestone; day and month before a full date
take its year; school holidays; what had to be rescheduled or was attended; samples handed in
on their own. Over the 890: 90.9 % (5686/6253) and 436. Three judge sets of 15 (292 dates),
written while the round went on and never read: 264 (90.4 %) and 32 invented with the rules
before the round, after its first part and at its end alike. They joined the held-out part
unseen (891-935). Over all 935: 90.9 % (5950/6545) and 468.
The twenty-fifth round read four development sets of 15 texts written without looking at the
rules (453 dates; staffing requests, UK and Irish notices and logs, chats and mail threads,
Belgian, TED and multi-lot notices): 375 (82.8 %) and 90 invented with the rules of its start,
402 (88.7 %) and 53 at its end. Its mechanisms: a chat's stamps ("[26-11-2026 08:52] Name:",
"27/11/2026, 11:05 - Name:") are no step and its first dates the text; an answer takes its step
from the question above it; a log's "(ingediend <date>)"; "Status: gepubliceerd <date>"; "ipv";
an erratum's "Staat:" over "Dit moet zijn:"; a Dutch "Op ... schreef Name <mail>:"; an interview
moved and written again in a summary; ISO offsets ("T09:30:00+01:00") and intervals of one day;
a start or end at midnight in a data feed is the day; French staffing words; dates written
month first; the terms of lots under "Contract dates:". Over the 935: 91.0 % (5957/6545) and
465. Two judge sets of 15 (226 dates), written at the same time and never read: 199 (88.1 %)
and 32 invented before the round, 199 and 30 after. They joined the held-out part unseen
(936-965). Over all 965: 90.9 % (6156/6771) and 495.
The twenty-sixth round read four development sets of 15 texts written without looking at the
rules (386 dates; hiring requests with many dates that are no step, English notices in other
zones, texts that change dates, unusual layouts): 328 (85.0 %) and 28 invented with the rules of
its start, 344 (89.1 %) and 10 at its end. Its mechanisms: an arrow from an old date to a new
one; a portal's changed fields; what a document or an earlier mail said ("stond ..."); answers
and an award dated the day of the text; a document's "Datum:" lower in its head, not a version
of another document; a candidate away, questions taken up later; pre-proposal conferences,
debrief calls and a standstill's "End:"; New York time, "Weds", "1-5pm", "voor twaalf uur".
Over the 965: 90.9 % (6157/6771) and 486. Two judge sets of 15 (216 dates), written at the same
time and never read: 199 (92.1 %) and 16 invented before the round and after it alike. They
joined the held-out part unseen (966-995). Over all 995: 91.0 % (6356/6987) and 502. The
round's second part read two more development sets (183 dates; recruiters' chats and mails,
formal tender documents and UK notices): 159 and 17 invented before it, 162 and 12 after. Its
mechanisms: a chat copied from Teams with its sender and time on a line of their own; "tussen
2 en 4 's middags"; a competitive flexible procedure and a combined authority are the UK's.
A judge set of 15 (93 dates) written at the same time and never read: 90 (96.8 %) and 1
invented before and after. It joined the held-out part unseen (996-1010). Over all 1010:
91.0 % (6446/7080) and 503.
The twenty-seventh round read seven development sets of 15 (722 dates: marketplace requests,
English notices, chats, mails, PDF and spreadsheet pastes, change notices, texts full of dates
that are no step, formal documents with planning tables and lots): 633 (87.7 %) and 65
invented with the rules of its start, 659 (91.3 %) and 47 at its end. Its mechanisms: hours
in columns of their own ("Tijd van", "Tijd tot"); a numbered row without a date stays a row;
a cell that only marks it is empty is no label; a schedule's status ("Closed", "Completed");
a date-first table's rows that open on a weekday in lower case; footnote marks after a date; a
country's time ("Finnish time"); "will reply no later than"; "should you be invited"; a label
hanging under its first line; "waren <date>, nu"; "bericht over de beslissing"; questions
received after a date that are not answered; "door naar de tweede ronde"; "Nouvelle date";
"Update:" over news; a Note of Information; "Responses are accepted up to"; an absence
allowed in a period; "Duration: to <date> initially"; a chat copied from Slack. Over the 1010:
91.0 % (6447/7080) and 504 (6446 and 503 before). Five judge sets of 15 (499 dates), written
at the same time and never read: 452 (90.6 %) and 28 invented before the round, 455 (91.2 %)
and 26 after. They joined the held-out part unseen (1011-1085). Over all 1085: 91.1 %
(6902/7579) and 530.
The twenty-eighth round read seven development sets of 15 (844 dates: marketplace requests,
UK, Irish and EU notices, mails and chats, change notices, texts full of dates that are no
step, formal Dutch and Flemish documents, short and messy pastes): 725 (85.9 %) and 97
invented with the rules of its start, 766 (90.8 %) and 70 at its end. Its mechanisms: an
invitation pasted as iCalendar text; a sheet's row with columns of times and a remark; the
day one hears one's slot; scanned letters' letters for digits; "laat uiterlijk <date> weten
welke", "ontvangen uiterlijk <date> een uitnodiging"; "replies to clarification requests";
requests "received after" a date that "will not be processed"; a time past an old date's
bracket; a time in UK time beside one in Brussels time; "took place"; the stamps of WhatsApp
exports, bracketed stamps with a weekday, Teams guests; "door naar de gespreksronde"; intro
calls and a case presented to the team; "Communication of the outcome"; the clock's change;
"the same date" in a sentence of two steps; an arrow from a date with its time; "Shortlist
communicated"; a Q&A call; a construction holiday; "twee momenten:" over a list; tenders due
at the opening; a section "not part of the procedure timetable"; offers "binding until"; a
funding period; an inspection of a room; a slot's length; a term "until" in brackets; "niet in
de week van ..., maar op"; each old date's own step; a lot whose dates all stay. Over the
1085: 91.1 % (6908/7579) and 518 (6902 and 530 before). Five judge sets of 15 (658 dates),
written at the same time and never read: 576 (87.5 %) and 80 invented before the round, 576
and 79 after. They joined the held-out part unseen (1086-1160). Over all 1160: 90.9 %
(7484/8237) and 597.
The twenty-ninth round read eight development sets of 15 (692 dates: marketplace requests with
slots and weekdays without a month, UK and Irish notices, mails and chats, Flemish and
French-Belgian notices, texts dense with dates that are no step, the whole variety, English
notices of EU, Nordic, German and Baltic buyers in their own zones, messy pastes): the first
five 356 (89.2 %) and 45 invented with the rules of its start, 369 (92.5 %) and 23 at its end;
the last three 260 (88.7 %) and 28, then 272 (92.8 %) and 12. Its mechanisms: a weekday with
the day of its month and no month; chat exports' day dividers, writing-direction marks, a
sender's role in brackets, a sender before a bracketed stamp; what lay before a chat's last
message; "by end of play", "who's going through", "(bv. ...)", "stond eerst op", "is gone",
"vervalt", "niet op 14 maar op 15", "unable to attend", days off, a meeting's invitation, an
updated invitation over its original; "15-19/02/2027"; days in numbers under a field's label;
"om ca. 10u00", "ten laatste 11u", "à midi"; a country's zone named in brackets; no day without
a year more than 300 days ahead; a related notice of market engagement. Over the 1160: 91.0 %
(7497/8237) and 591 (7484 and 597 before). Three judge sets of 15 (259 dates), written at the
same time and never read, their kinds brought in line with the corpus's conventions by a
helper who applied the corrected brief to them alone (negotiation meetings and presentations
by bidders are interviews): 234 (90.3 %) and 9 invented before the round and after it alike.
They joined the held-out part unseen (1161-1205). Over all 1205: 91.0 % (7731/8496) and 600.
"""

from __future__ import annotations

import pytest

from .corpus import HELDOUT, HELDOUT_TOTALS, items, totals

# What the importer reaches now (7731/8496, 600 invented; 7497/8237 and 591 on texts 1-1160);
# raise the recall and lower the invented count as the rules improve, never the other way to
# pass. The goal's recall, 90 %, is reached here; no invented date is not.
HELDOUT_RECALL = 0.9095
HELDOUT_INVENTED = 600
HELDOUT_FILES = 1205


# Reading every held-out text takes one to two minutes on one core: more than the suite's limit
# for one test, which is for tests that hang, not for this one's size.
@pytest.mark.timeout(900)
def test_heldout_recall_is_kept_and_invented_dates_do_not_grow(
    request: pytest.FixtureRequest,
) -> None:
    result = totals(items(HELDOUT))
    request.config.stash[HELDOUT_TOTALS] = result
    assert result.files == HELDOUT_FILES
    assert result.invented <= HELDOUT_INVENTED
    assert result.recall >= HELDOUT_RECALL
