// Rows as the oracle compares them: values normalized where they differ
// only in spelling (numbers by value, 18925.00 = 18925; timestamps by
// instant, '2025-09-27 09:30:00.25' = '2025-09-27T09:30:00.250Z'), a row as
// its sorted columns, and the multiset difference of two lists of rows.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function canonicalNumber(text) {
  if (/[eE]/.test(text)) return String(Number(text));
  let [whole, fraction = ''] = text.replace(/^\+/, '').split('.');
  const negative = whole.startsWith('-');
  whole = whole.replace('-', '').replace(/^0+(?=\d)/, '') || '0';
  fraction = fraction.replace(/0+$/, '');
  const out = fraction ? `${whole}.${fraction}` : whole;
  return negative && out !== '0' ? `-${out}` : out;
}

function normalize(value) {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return canonicalNumber(String(value));
  if (typeof value === 'string') {
    if (NUMBER.test(value)) return canonicalNumber(value);
    if (TIMESTAMP.test(value)) {
      let iso = value.replace(' ', 'T');
      if (!/(Z|[+-]\d{2}:?\d{2})$/.test(iso)) iso += 'Z';
      const ms = Date.parse(iso);
      if (!Number.isNaN(ms)) return `@${ms}`;
    }
    return value;
  }
  return JSON.stringify(value);
}

export function canonicalRow(row) {
  const keys = Object.keys(row).sort();
  return JSON.stringify(keys.map((k) => [k, normalize(row[k])]));
}

// Multiset difference, both ways.
export function minus(a, b) {
  const counts = new Map();
  for (const r of b) counts.set(r, (counts.get(r) ?? 0) + 1);
  const out = [];
  for (const r of a) {
    const n = counts.get(r) ?? 0;
    if (n > 0) counts.set(r, n - 1);
    else out.push(r);
  }
  return out;
}
