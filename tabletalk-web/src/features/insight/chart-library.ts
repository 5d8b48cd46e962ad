// uPlot and its stylesheet, fetched only when a dashboard draws a chart (a chunk of its own, console only).
import type uPlot from 'uplot';

export async function loadChartLibrary(): Promise<typeof uPlot> {
  const [library] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
  return library.default;
}
