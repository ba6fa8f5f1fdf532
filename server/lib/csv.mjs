// CSV for the inbox's export (RFC 4180: comma-separated, CRLF, fields quoted when needed).

/**
 * Cells that start like a formula (=, +, -, @, tab, carriage return) are prefixed with an
 * apostrophe: a reader's "=HYPERLINK(...)" must stay text when an editor opens the file in a
 * spreadsheet (OWASP, "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field as CSV. null and undefined are empty. */
export function csvField(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF included. */
export function csvRow(values) {
  return `${values.map(csvField).join(',')}\r\n`;
}
