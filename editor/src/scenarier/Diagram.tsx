// A chart.js chart, with chart.js loaded only when a chart is first shown. The numbers are
// always also shown in a table beside it, so the chart is never the only way to read them.
import { useEffect, useRef } from "react";

export interface Serie {
  navn: string;
  data: number[];
  farve: string;
}

export const NIVEAU_FARVE: Record<string, string> = {
  "ikke-indplaceret": "#9aa3b0",
  let: "#7fb8e6",
  moderat: "#3d67a8",
  hoej: "#1d3b6b",
};

type ChartModul = typeof import("chart.js");
let chartModul: Promise<ChartModul> | null = null;

function hentChart(): Promise<ChartModul> {
  chartModul ??= import("chart.js").then((m) => {
    m.Chart.register(
      m.BarController,
      m.BarElement,
      m.LineController,
      m.LineElement,
      m.PointElement,
      m.CategoryScale,
      m.LinearScale,
      m.Legend,
      m.Tooltip,
    );
    return m;
  });
  return chartModul;
}

export function Diagram({
  type,
  etiketter,
  serier,
  ariaLabel,
  xTitel,
  yTitel,
}: {
  type: "bar" | "line";
  etiketter: string[];
  serier: Serie[];
  ariaLabel: string;
  xTitel?: string;
  yTitel?: string;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let aktiv = true;
    void hentChart().then(({ Chart }) => {
      const c = canvasRef.current;
      if (!aktiv || !c) return;
      chart = new Chart(c, {
        type,
        data: {
          labels: etiketter,
          datasets: serier.map((s) => ({
            label: s.navn,
            data: s.data,
            backgroundColor: s.farve,
            borderColor: s.farve,
            borderWidth: type === "line" ? 2 : 0,
            tension: 0,
            pointRadius: type === "line" ? 3 : 0,
          })),
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { position: "bottom" } },
          scales: {
            x: { title: { display: Boolean(xTitel), text: xTitel ?? "" } },
            y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: Boolean(yTitel), text: yTitel ?? "" } },
          },
        },
      });
    });
    return () => {
      aktiv = false;
      chart?.destroy();
    };
  }, [type, etiketter, serier, xTitel, yTitel]);
  return (
    <div className="diagram">
      <canvas ref={canvasRef} role="img" aria-label={ariaLabel} />
    </div>
  );
}
