// Fake conditional format rules: builder, rule, boolean condition and colour objects over plain stored rules.
import type { BooleanCriteria, ConditionalRule, Rect } from '../world';
import { gasError } from './context';

export const BooleanCriteriaEnum: Record<BooleanCriteria, BooleanCriteria> = {
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  CELL_EMPTY: 'CELL_EMPTY',
};

type RangeMaker = (sheetId: number, rect: Rect) => unknown;

class RgbColor {
  constructor(private readonly hex: string) {}
  asHexString(): string {
    return this.hex;
  }
}
class Color {
  constructor(private readonly hex: string) {}
  asRgbColor(): RgbColor {
    return new RgbColor(this.hex);
  }
  getColorType(): string {
    return 'RGB';
  }
}

export class BooleanCondition {
  constructor(private readonly rule: ConditionalRule) {}
  getCriteriaType(): BooleanCriteria {
    return this.rule.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.rule.args];
  }
  getBackground(): string | null {
    return this.rule.background;
  }
  getBackgroundObject(): Color | null {
    return this.rule.background ? new Color(this.rule.background) : null;
  }
  getFontColor(): string | null {
    return this.rule.fontColor;
  }
  getFontColorObject(): Color | null {
    return this.rule.fontColor ? new Color(this.rule.fontColor) : null;
  }
  getBold(): boolean | null {
    return this.rule.bold;
  }
}

export class ConditionalFormatRule {
  constructor(
    readonly rule: ConditionalRule,
    readonly sheetId: number,
    private readonly rangeOf: RangeMaker,
  ) {}
  getRanges(): unknown[] {
    return this.rule.ranges.map((r) => this.rangeOf(this.sheetId, r));
  }
  getBooleanCondition(): BooleanCondition {
    return new BooleanCondition(this.rule);
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.rangeOf, conditionalState(this), this.sheetId);
  }
}

/** The stored form of a built rule (a copy). */
export function conditionalState(v: unknown): ConditionalRule {
  const rule = (v as { rule?: ConditionalRule } | undefined)?.rule;
  if (!rule)
    throw gasError(
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
    );
  return { ...rule, ranges: rule.ranges.map((r) => ({ ...r })), args: [...rule.args] };
}

export class ConditionalFormatRuleBuilder {
  private rule: ConditionalRule;
  constructor(
    private readonly rangeOf: RangeMaker,
    start?: ConditionalRule,
    private sheetId = -1,
  ) {
    this.rule = start ?? {
      ranges: [],
      criteria: 'CUSTOM_FORMULA',
      args: [''],
      background: null,
      fontColor: null,
      bold: null,
    };
  }
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder {
    this.rule = { ...this.rule, criteria: 'CUSTOM_FORMULA', args: [String(formula)] };
    return this;
  }
  whenNumberEqualTo(n: number): ConditionalFormatRuleBuilder {
    this.rule = { ...this.rule, criteria: 'NUMBER_EQUAL_TO', args: [n] };
    return this;
  }
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilder {
    this.rule = { ...this.rule, criteria: 'TEXT_EQUAL_TO', args: [String(text)] };
    return this;
  }
  whenCellEmpty(): ConditionalFormatRuleBuilder {
    this.rule = { ...this.rule, criteria: 'CELL_EMPTY', args: [] };
    return this;
  }
  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    this.rule = { ...this.rule, background: color };
    return this;
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    this.rule = { ...this.rule, fontColor: color };
    return this;
  }
  setBold(bold: boolean | null): ConditionalFormatRuleBuilder {
    this.rule = { ...this.rule, bold };
    return this;
  }
  setRanges(ranges: { rect: Rect; sheetId: number }[]): ConditionalFormatRuleBuilder {
    this.rule = { ...this.rule, ranges: ranges.map((r) => ({ ...r.rect })) };
    this.sheetId = ranges[0]?.sheetId ?? -1;
    return this;
  }
  build(): ConditionalFormatRule {
    if (this.rule.ranges.length === 0)
      throw gasError('Conditional format rule must have at least one range.');
    return new ConditionalFormatRule(this.rule, this.sheetId, this.rangeOf);
  }
}
