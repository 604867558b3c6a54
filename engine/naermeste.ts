// "Did you mean": the closest known name within a small edit distance, for error messages about
// unknown facts, thresholds and vocabulary words.

/** The closest of `kendte` to `navn`, case-insensitively, or undefined when none is close. */
export function naermeste(navn: string, kendte: readonly string[]): string | undefined {
  let bedst: string | undefined;
  let bedstAfstand = Math.max(2, Math.floor(navn.length / 4)) + 1;
  for (const k of kendte) {
    const d = afstand(navn.toLowerCase(), k.toLowerCase());
    if (d < bedstAfstand) {
      bedst = k;
      bedstAfstand = d;
    }
  }
  return bedst;
}

function afstand(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}
