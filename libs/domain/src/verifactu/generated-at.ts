/**
 * `FechaHoraHusoGenRegistro`: when a record was generated, as the local time of the issuer's
 * zone with its offset and whole seconds (`2024-01-01T19:20:30+01:00`), as AEAT's examples
 * write it. The caller passes the instant (the domain reads no clock).
 */
export const VERIFACTU_TIME_ZONE = 'Europe/Madrid';

/** One formatter per zone, built once (formatting has no state: sharing it stays pure). */
const localFormats = new Map<string, Intl.DateTimeFormat>();

function localFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = localFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    localFormats.set(timeZone, format);
  }
  return format;
}

const two = (value: number): string => value.toString().padStart(2, '0');

/** `+01:00`, `-03:30`, `+00:00` from an offset in minutes east of UTC. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const magnitude = Math.abs(minutes);
  return `${sign}${two(Math.floor(magnitude / 60))}:${two(magnitude % 60)}`;
}

/** The instant (ISO 8601) as local time in `timeZone` with its offset, seconds truncated. */
export function generatedAtOf(instant: string, timeZone: string = VERIFACTU_TIME_ZONE): string {
  const millis = new Date(instant).getTime();
  if (Number.isNaN(millis)) throw new RangeError(`Not an ISO-8601 instant: ${instant}`);
  const wholeSeconds = Math.floor(millis / 1000) * 1000;
  const parts = localFormatIn(timeZone).formatToParts(new Date(wholeSeconds));
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  const [year, month, day] = [part('year'), part('month'), part('day')];
  const [hour, minute, second] = [part('hour'), part('minute'), part('second')];
  const localAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offsetMinutes = Math.round((localAsUtc - wholeSeconds) / 60_000);
  const date = `${year.toString().padStart(4, '0')}-${two(month)}-${two(day)}`;
  return `${date}T${two(hour)}:${two(minute)}:${two(second)}${offsetText(offsetMinutes)}`;
}
