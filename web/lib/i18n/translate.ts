export type Messages = { [key: string]: string | Messages };
export type Vars = Record<string, string | number>;

/** "channels.title" → the string; missing keys show the key itself so a gap is visible, not blank. */
export function translate(messages: Messages, key: string, vars?: Vars): string {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return key;
    node = node[part];
  }
  if (typeof node !== 'string') return key;
  if (!vars) return node;
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Every leaf key, dotted: used by the completeness test. */
export function flattenKeys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : flattenKeys(v, `${prefix}${k}.`),
  );
}
