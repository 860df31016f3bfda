/**
 * The distribution of totals as a bar chart (departments per score band). Loaded lazily; the page
 * shows the same counts as a table (the chart's text alternative) and the chart is one labelled image.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export default function ScoreChart({
  bands,
  counts,
  label,
  seriesName,
}: {
  bands: string[];
  counts: number[];
  label: string;
  seriesName: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      color: ['#0c4bbf'],
      grid: { left: 44, right: 16, top: 24, bottom: 36 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: bands },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: seriesName, data: counts, label: { show: true, position: 'top' } }],
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [bands, counts, seriesName]);
  return <div ref={el} className="chart-box" role="img" aria-label={label} />;
}
