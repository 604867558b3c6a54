// The readable API page: static HTML generated once from the OpenAPI document, with no scripts
// and nothing fetched from elsewhere (the Content-Security-Policy allows neither).

type Obj = Record<string, unknown>;

const esc = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** The little Markdown the descriptions use: paragraphs, `code`, **bold** and pipe tables. */
function markdown(tekst: string): string {
  const inline = (s: string) =>
    esc(s)
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/\*([^*]+)\*/g, "<em>$1</em>");
  const blokke = tekst.split(/\n\s*\n/);
  return blokke
    .map((blok) => {
      const linjer = blok.split("\n");
      if (linjer.every((l) => l.trim().startsWith("|"))) {
        const celler = (l: string) =>
          l
            .trim()
            .replace(/^\||\|$/g, "")
            .split(/(?<!\\)\|/)
            .map((c) => inline(c.trim().replaceAll("\\|", "|")));
        const [hoved, , ...rest] = linjer;
        return `<table><thead><tr>${celler(hoved ?? "")
          .map((c) => `<th>${c}</th>`)
          .join("")}</tr></thead><tbody>${rest
          .map(
            (l) =>
              `<tr>${celler(l)
                .map((c) => `<td>${c}</td>`)
                .join("")}</tr>`,
          )
          .join("")}</tbody></table>`;
      }
      return `<p>${linjer.map(inline).join("<br>")}</p>`;
    })
    .join("\n");
}

function parametre(ps: Obj[] | undefined): string {
  if (!ps || ps.length === 0) return "";
  const raekker = ps.map((p) => {
    const schema = (p.schema ?? {}) as Obj;
    return `<tr><td><code>${esc(String(p.name))}</code></td><td>${esc(String(p.in))}</td><td>${esc(
      String(schema.type ?? ""),
    )}${p.required ? " (påkrævet)" : ""}</td><td>${markdown(String(p.description ?? ""))}</td></tr>`;
  });
  return `<h4>Parametre</h4><table><thead><tr><th>navn</th><th>hvor</th><th>type</th><th>betydning</th></tr></thead><tbody>${raekker.join("")}</tbody></table>`;
}

function svar(responses: Obj): string {
  const raekker = Object.entries(responses).map(
    ([status, r]) =>
      `<tr><td><code>${esc(status)}</code></td><td>${esc(String((r as Obj).description ?? ""))}</td></tr>`,
  );
  return `<h4>Svar</h4><table><tbody>${raekker.join("")}</tbody></table>`;
}

export function docsSide(dokument: Obj): string {
  const info = dokument.info as Obj;
  const stier = dokument.paths as Record<string, Record<string, Obj>>;
  const afsnit: string[] = [];
  const indhold: string[] = [];
  for (const [sti, metoder] of Object.entries(stier)) {
    for (const [metode, o] of Object.entries(metoder)) {
      const id = `${metode}-${sti}`.replace(/[^a-z0-9]+/gi, "-");
      indhold.push(
        `<li><a href="#${id}"><code>${metode.toUpperCase()} ${esc(sti)}</code></a> – ${esc(String(o.summary ?? ""))}</li>`,
      );
      afsnit.push(
        `<section id="${id}"><h3><span class="m ${metode}">${metode.toUpperCase()}</span> <code>/api/v1${esc(
          sti,
        )}</code></h3><p><strong>${esc(String(o.summary ?? ""))}</strong></p>${markdown(
          String(o.description ?? ""),
        )}${parametre(o.parameters as Obj[] | undefined)}${svar((o.responses ?? {}) as Obj)}</section>`,
      );
    }
  }
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(String(info.title))}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1b1b1b}
code{background:#f2f2f2;padding:0 .2em;border-radius:3px;font-size:.92em}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
section{border-top:1px solid #ddd;padding-top:.5rem;margin-top:1.5rem}
.m{display:inline-block;min-width:4.2rem;text-align:center;color:#fff;border-radius:3px;font-size:.8em;padding:.1rem .3rem}
.get{background:#2b6cb0}.post{background:#2f855a}.put{background:#b7791f}.delete{background:#c53030}
</style></head><body>
<h1>${esc(String(info.title))}</h1>
${markdown(String(info.description ?? ""))}
<p>Maskinlæsbart: <a href="/api/v1/docs/openapi.json"><code>/api/v1/docs/openapi.json</code></a> (OpenAPI ${esc(
    String(dokument.openapi),
  )}). JSON Schemas: <a href="/api/v1/schema/regelsaet.json">regelsaet.json</a>, <a href="/api/v1/schema/vurderingsgrundlag.json">vurderingsgrundlag.json</a>.</p>
<h2>Indhold</h2><ul>${indhold.join("")}</ul>
<h2>Ruter</h2>
${afsnit.join("\n")}
</body></html>`;
}
