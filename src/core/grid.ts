// A report sheet's contents built cell by cell: values, the number format of each cell and the bold rows, written in
// three calls. Text cells are plain text (@), so a name or a problem typed as "=…" in the sheets stays words.
export type CellKind = 'text' | 'number' | 'date' | 'percent';

const FORMAT: Record<CellKind, string> = { text: '@', number: '0', date: 'yyyy-mm-dd', percent: '0%' };

export type Cell = string | number;

export interface GridLayout {
  values: Cell[][];
  formats: string[][];
  /** 1-based rows shown in bold (titles and table headers). */
  boldRows: number[];
}

export class Grid {
  private readonly values: Cell[][] = [];
  private readonly kinds: CellKind[][] = [];
  private readonly bold = new Set<number>();

  /** Rows so far. */
  get length(): number {
    return this.values.length;
  }

  /** Sets one cell (1-based); numbers default to whole numbers, everything else to text. */
  put(
    row: number,
    col: number,
    value: Cell,
    kind: CellKind = typeof value === 'number' ? 'number' : 'text',
  ): void {
    while (this.values.length < row) {
      this.values.push([]);
      this.kinds.push([]);
    }
    const line = this.values[row - 1]!;
    const kinds = this.kinds[row - 1]!;
    while (line.length < col) {
      line.push('');
      kinds.push('text');
    }
    line[col - 1] = value;
    kinds[col - 1] = kind;
  }

  /** Appends a row; `kinds` gives the kind of each cell where the default will not do. */
  row(cells: Cell[], kinds: (CellKind | undefined)[] = []): number {
    const at = this.values.length + 1;
    this.put(at, 1, '');
    cells.forEach((v, i) => {
      this.put(at, i + 1, v, kinds[i]);
    });
    return at;
  }

  boldRow(row: number): void {
    this.bold.add(row);
  }

  /** The rectangle: every row as wide as the widest (or `width`), blanks as text. */
  layout(width = 0): GridLayout {
    const w = Math.max(width, ...this.values.map((r) => r.length));
    return {
      values: this.values.map((r) => Array.from({ length: w }, (_, i) => r[i] ?? '')),
      formats: this.kinds.map((r) => Array.from({ length: w }, (_, i) => FORMAT[r[i] ?? 'text'])),
      boldRows: [...this.bold].sort((a, b) => a - b),
    };
  }
}
