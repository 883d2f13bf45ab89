/** `text` with control characters (other than tab and newline) shown as U+FFFD: terminals and YAML stay intact. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "\uFFFD");
}
