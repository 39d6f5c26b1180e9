import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the reports use, rendered as SVG (crisp, and no canvas fingerprinting concerns).
echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * An ECharts chart in a box; `label` (the data in words) is what screen readers read (role img).
 * `onSelect` gets the index of a clicked bar (a mouse shortcut: every page that uses it offers
 * the same drill-down as links in a table beside the chart, for keyboards and screen readers).
 */
export function Chart({ option, label, height = 260, onSelect }: { option: ChartOption; label: string; height?: number; onSelect?: (dataIndex: number) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.setOption({ animation: false, ...option });
    chart.on('click', (p: { dataIndex?: number }) => {
      if (typeof p.dataIndex === 'number') select.current?.(p.dataIndex);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return (
    <div className={`chart ${onSelect ? 'chart-clickable' : ''}`} role="img" aria-label={label}>
      <div ref={box} style={{ height }} aria-hidden="true" />
    </div>
  );
}
