/**
 * The `<colgroup>` of an analysis table: one `<col>` per column, each with its
 * width class from analyses.css (`''` for an even share). Tables of the panel
 * are `table-layout: fixed`, so these classes decide where ids may break.
 *
 * @example <ColumnWidths classes={['wide', '', '', '']} />
 */
export function ColumnWidths({ classes }: { classes: string[] }) {
  return (
    <colgroup>
      {classes.map((c, i) => (
        <col key={i} className={c || undefined} />
      ))}
    </colgroup>
  );
}
