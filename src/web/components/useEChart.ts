import { init, type EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * An ECharts chart (SVG) drawn into the returned element from `option`, resized with its container
 * and disposed on unmount. Callers register the chart types they draw and memoise `option`: a new
 * object redraws the chart. Import it only from lazily loaded code, so ECharts stays out of the main bundle.
 */
export function useEChart(option: EChartsCoreOption) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);
  return ref;
}
