/**
 * An accessible data table: a caption (also the name of its scroll region, which is keyboard
 * focusable so a wide table can be scrolled without a mouse), header cells with scope.
 */
import { useId, type ReactNode } from 'react';
import { Table } from '@mantine/core';

export function TableFrame({
  caption,
  children,
  minWidth,
  className,
  captionHidden,
}: {
  caption: string;
  children: ReactNode;
  minWidth?: number;
  className?: string;
  captionHidden?: boolean;
}) {
  const id = useId();
  return (
    <div className={`table-frame ${className ?? ''}`} role="region" aria-labelledby={id} tabIndex={0}>
      <Table
        striped
        highlightOnHover
        withTableBorder
        withColumnBorders
        verticalSpacing={6}
        horizontalSpacing="sm"
        captionSide="top"
        style={minWidth ? { minWidth } : undefined}
        className="data-table"
      >
        <Table.Caption id={id} className={captionHidden ? 'visually-hidden' : 'table-caption'}>
          {caption}
        </Table.Caption>
        {children}
      </Table>
    </div>
  );
}

export function Th({ children, num, width }: { children: ReactNode; num?: boolean; width?: number | string }) {
  return (
    <Table.Th scope="col" className={num ? 'num' : undefined} style={width ? { width } : undefined}>
      {children}
    </Table.Th>
  );
}
