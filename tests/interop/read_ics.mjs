// Reads .ics files with ical.js (the parser Thunderbird uses) and prints what it understood, as
// JSON: per file its components and, per VEVENT, the UID, SEQUENCE, STATUS, TRANSP and times
// in UTC. Times come from the file's own VTIMEZONEs: ical.js here has no zone database.
import ICAL from "ical.js";
import { readFileSync } from "node:fs";

function utc(time) {
  if (time === null) return null;
  if (time.isDate) return { date: time.toString() };
  if (!time.zone || time.zone === ICAL.Timezone.localTimezone) return { floating: time.toString() };
  return { utc: time.convertToZone(ICAL.Timezone.utcTimezone).toString() };
}

const files = [];
for (const path of process.argv.slice(2)) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  const events = root.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue("status"),
      transp: vevent.getFirstPropertyValue("transp"),
      has_dtend: vevent.hasProperty("dtend"),
      start: utc(event.startDate),
      end: vevent.hasProperty("dtend") ? utc(event.endDate) : null,
      summary: event.summary,
    };
  });
  files.push({
    path,
    name: root.name,
    components: root.getAllSubcomponents().map((c) => c.name),
    events,
  });
}
process.stdout.write(JSON.stringify(files));
