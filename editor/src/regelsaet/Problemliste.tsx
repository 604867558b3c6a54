// Errors and warnings of the draft, each a button that moves the editor's cursor to the place.
import type { Problem } from "../../../engine/index.js";
import type { Analyse } from "./analyse.js";

interface Props {
  analyse: Analyse;
  serverFejl: Problem[];
  serverAdvarsler: Problem[];
  vis: (pointer: string) => void;
  visOffset: (offset: number) => void;
}

function Punkt({ p, slags, vis }: { p: Problem; slags: "fejl" | "advarsel"; vis: (pointer: string) => void }) {
  return (
    <li className={slags}>
      <button type="button" className="link-knap" onClick={() => vis(p.pointer)}>
        <span className="mono">{p.path}</span>
      </button>{" "}
      {p.message}
    </li>
  );
}

export function Problemliste({ analyse, serverFejl, serverAdvarsler, vis, visOffset }: Props) {
  const antal = analyse.syntaksFejl.length + analyse.fejl.length + serverFejl.length;
  const advarsler = [
    ...analyse.advarsler,
    ...serverAdvarsler.filter(
      (s) => !analyse.advarsler.some((a) => a.pointer === s.pointer && a.message === s.message),
    ),
  ];
  if (antal === 0 && advarsler.length === 0) return <p className="ok">Ingen fejl eller advarsler.</p>;
  return (
    <div className="problemliste">
      {antal > 0 && <h3>Fejl ({antal})</h3>}
      <ul>
        {analyse.syntaksFejl.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two syntax errors can share an offset
          <li key={`s${f.offset}-${i}`} className="fejl">
            <button type="button" className="link-knap" onClick={() => visOffset(f.offset)}>
              JSON-syntaks
            </button>{" "}
            {f.message}
          </li>
        ))}
        {analyse.fejl.map((p) => (
          <Punkt key={`f${p.pointer}${p.message}`} p={p} slags="fejl" vis={vis} />
        ))}
        {serverFejl.map((p) => (
          <Punkt key={`sf${p.pointer}${p.message}`} p={p} slags="fejl" vis={vis} />
        ))}
      </ul>
      {advarsler.length > 0 && <h3>Advarsler ({advarsler.length})</h3>}
      <ul>
        {advarsler.map((p) => (
          <Punkt key={`a${p.pointer}${p.message}`} p={p} slags="advarsel" vis={vis} />
        ))}
      </ul>
    </div>
  );
}
