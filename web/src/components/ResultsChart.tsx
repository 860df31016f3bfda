/**
 * Results over periods as a line chart with the target as a dashed reference line (ECharts, only
 * the parts used: line series, grid, tooltip, legend, mark line, SVG renderer). Loaded lazily with
 * the indicator page's chart; the page always shows the same data as a table (the chart's text
 * alternative), and the chart itself is one image with a label that says so.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export interface ChartSeries {
  name: string;
  /** One value per category (null where there is no result). */
  values: (number | null)[];
}

/** Above this many series the legend scrolls and only the first ones are drawn at first. */
const MANY = 6;

const PALETTE = ['#0c4bbf', '#0f7b6c', '#b4460b', '#7a3fb8', '#b0216b', '#3c6e14', '#5b6b7f'];

export default function ResultsChart({
  categories,
  series,
  target,
  targetLabel,
  unit,
  label,
  locale,
}: {
  categories: string[];
  series: ChartSeries[];
  target: number | null;
  targetLabel: string;
  unit: string;
  label: string;
  locale: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    // The value axis spans the results and the target with some room, not from zero: results near
    // their target would otherwise be a flat line at the top.
    const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
    if (target !== null) values.push(target);
    const lo = values.length ? Math.min(...values) : 0;
    const hi = values.length ? Math.max(...values) : 1;
    const range = hi - lo || Math.abs(hi) || 1;
    let step = 10 ** Math.floor(Math.log10(range));
    if (range / step < 2) step /= 5;
    else if (range / step < 4) step /= 2;
    let min = Math.floor((lo - range * 0.1) / step) * step;
    if (lo >= 0 && min < 0) min = 0;
    const max = Math.ceil((hi + range * 0.1) / step) * step;
    chart.setOption({
      color: PALETTE,
      animation: false,
      aria: { enabled: false },
      grid: { left: 56, right: 28, top: series.length > 1 ? 56 : 32, bottom: 36 },
      // Many departments (a common indicator: every department): a scrolling legend, and only the
      // first few lines shown at first; the others are switched on from the legend.
      legend: {
        top: 0,
        show: series.length > 1,
        type: series.length > MANY ? 'scroll' : 'plain',
        selected: Object.fromEntries(series.map((s, i) => [s.name, i < MANY])),
      },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${fmt.format(v)} ${unit}` : '–'),
      },
      xAxis: { type: 'category', data: categories, boundaryGap: false },
      yAxis: {
        type: 'value',
        name: unit,
        min,
        max,
        interval: step,
        axisLabel: { formatter: (v: number) => fmt.format(v) },
      },
      series: series.map((s, i) => ({
        type: 'line',
        name: s.name,
        data: s.values,
        connectNulls: true,
        symbolSize: 7,
        lineStyle: { width: 2.5 },
        markLine:
          i === 0 && target !== null
            ? {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#b3261e', width: 2 },
                label: {
                  formatter: `${targetLabel} ${fmt.format(target)}`,
                  position: 'insideEndTop',
                  color: '#b3261e',
                },
                data: [{ yAxis: target }],
              }
            : undefined,
      })),
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [categories, series, target, targetLabel, unit, locale]);
  return <div ref={el} className="chart-box" role="img" aria-label={label} />;
}
