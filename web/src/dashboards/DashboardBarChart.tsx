import '@mantine/charts/styles.css';
import { BarChart, type BarChartSeries } from '@mantine/charts';
import { Box } from '@mantine/core';

type Props = {
  data: Record<string, string | number | null>[];
  dataKey: string;
  series: BarChartSeries[];
  xAxisLabel?: string;
  yAxisLabel?: string;
  /** Horizontal bars, for long category names such as course titles. */
  horizontal?: boolean;
  unit?: string;
  height?: number;
};

/**
 * A bar chart of a table shown beside it. The chart is for the eye: it is hidden from assistive technology and takes no
 * focus, because the table next to it carries the same numbers in a form a screen reader can walk.
 */
export function DashboardBarChart({ data, dataKey, series, xAxisLabel, yAxisLabel, horizontal, unit, height = 300 }: Props) {
  return (
    <Box aria-hidden="true" data-chart="">
      <BarChart
        h={height}
        data={data}
        dataKey={dataKey}
        series={series}
        orientation={horizontal ? 'vertical' : 'horizontal'}
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 40 }}
        xAxisLabel={xAxisLabel}
        yAxisLabel={yAxisLabel}
        unit={unit}
        tickLine="y"
        withTooltip
        tooltipAnimationDuration={0}
        yAxisProps={horizontal ? { width: 140 } : { allowDecimals: false }}
        xAxisProps={horizontal ? { allowDecimals: false } : undefined}
        barChartProps={{ accessibilityLayer: false }}
      />
    </Box>
  );
}

/** The palette the dashboards draw series with, in order: distinct hues, each dark enough on white. */
export const seriesColors = ['blue.7', 'teal.7', 'orange.7', 'grape.7'] as const;
