/** "15:04" — the 24-hour clock, in every locale, on the person's own clock (why: date-format.ts). Apart from the dates, whose month names only the certificate picker needs. */
export function formatTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
