import { ScrollArea, Table } from '@mantine/core';
import type { ReactNode } from 'react';

export type Column<T> = {
  header: string;
  cell: (row: T) => ReactNode;
  /** Numbers are right-aligned so their digits line up. */
  numeric?: boolean;
};

type Props<T> = {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  minWidth?: number;
};

/** The chart's numbers as a table: what a screen reader, a keyboard or a copy-paste uses. The first column heads its row. */
export function DashboardTable<T>({ caption, columns, rows, rowKey, minWidth = 360 }: Props<T>) {
  return (
    // A table wider than the screen scrolls sideways; the keyboard must reach that too, so the region takes focus.
    <ScrollArea type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': caption }}>
      <Table striped highlightOnHover miw={minWidth} captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header} scope="col" ta={column.numeric ? 'right' : undefined}>{column.header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={rowKey(row, index)}>
              {columns.map((column, at) => at === 0
                ? <Table.Th key={column.header} scope="row" fw={500}>{column.cell(row)}</Table.Th>
                : <Table.Td key={column.header} ta={column.numeric ? 'right' : undefined}>{column.cell(row)}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
