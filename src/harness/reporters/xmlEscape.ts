const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;",
};

/**
 * `text` safe inside an XML 1.0 attribute value: `& < > " '` escaped, newlines and tabs as character references
 * (so they survive attribute normalisation), and characters XML 1.0 forbids (NUL and other C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) replaced by U+FFFD.
 */
export function xmlAttribute(text: string): string {
  return text.replace(INVALID_XML, "\uFFFD").replace(/[&<>"'\n\r\t]/g, (c) => ENTITIES[c]!);
}

/** `text` safe as XML 1.0 element content: `& < >` escaped, forbidden characters replaced; newlines kept. */
export function xmlText(text: string): string {
  return text.replace(INVALID_XML, "\uFFFD").replace(/[&<>]/g, (c) => ENTITIES[c]!);
}
