// Fake DataValidationBuilder and DataValidation: rules are stored as plain data and read back through the real API.
import type { RangeRef, Rect, ValidationCriteria, ValidationRule } from '../world';
import { gasError } from './context';
import { isDate, typeName } from './env';

export const DataValidationCriteria: Record<ValidationCriteria, ValidationCriteria> = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  CHECKBOX: 'CHECKBOX',
};

type RangeMaker = (sheetId: number, rect: Rect) => unknown;

/** The stored form of a built rule (a copy), or an error when the argument is not a DataValidation. */
export function validationState(v: unknown, method: string): ValidationRule | null {
  if (v === null) return null;
  const rule = (v as { rule?: ValidationRule } | undefined)?.rule;
  if (!rule)
    throw gasError(
      `The parameters (${typeof v}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
    );
  return {
    ...rule,
    args: rule.args.map((a) => (Array.isArray(a) ? [...a] : typeof a === 'object' && a ? { ...a } : a)),
  };
}

export class DataValidation {
  constructor(
    readonly rule: ValidationRule,
    private readonly rangeOf: RangeMaker,
  ) {}
  getCriteriaType(): ValidationCriteria {
    return this.rule.criteria;
  }
  getCriteriaValues(): unknown[] {
    const { criteria, args, showDropdown } = this.rule;
    if (criteria === 'VALUE_IN_LIST') return [[...(args[0] as string[])], showDropdown];
    if (criteria === 'VALUE_IN_RANGE') {
      const ref = args[0] as RangeRef;
      return [this.rangeOf(ref.sheetId, ref), showDropdown];
    }
    return [...args];
  }
  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }
  getHelpText(): string {
    return this.rule.helpText;
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.rangeOf, validationState(this, 'copy')!);
  }
}

interface RangeLike {
  sheetId: number;
  rect: Rect;
}

export class DataValidationBuilder {
  private rule: ValidationRule;
  constructor(
    private readonly rangeOf: RangeMaker,
    start?: ValidationRule,
  ) {
    this.rule = start ?? {
      criteria: 'VALUE_IN_LIST',
      args: [[]],
      showDropdown: true,
      allowInvalid: true,
      helpText: '',
    };
  }
  private set(criteria: ValidationCriteria, args: unknown[], showDropdown = true): DataValidationBuilder {
    this.rule = { ...this.rule, criteria, args, showDropdown };
    return this;
  }
  requireValueInList(values: unknown, showDropdown?: boolean): DataValidationBuilder {
    if (!Array.isArray(values)) throw signature('requireValueInList');
    return this.set('VALUE_IN_LIST', [values.map(String)], showDropdown ?? true);
  }
  requireValueInRange(range: RangeLike, showDropdown?: boolean): DataValidationBuilder {
    if (!range || typeof range.sheetId !== 'number') throw signature('requireValueInRange');
    return this.set('VALUE_IN_RANGE', [{ sheetId: range.sheetId, ...range.rect }], showDropdown ?? true);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    if (typeof start !== 'number' || typeof end !== 'number') throw signature('requireNumberBetween');
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireDate(...args: unknown[]): DataValidationBuilder {
    if (args.length > 0 && !isDate(args[0])) throw signature('requireDate', typeName(args[0]));
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    if (typeof formula !== 'string') throw signature('requireFormulaSatisfied');
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  requireTextIsEmail(): DataValidationBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireCheckbox(): DataValidationBuilder {
    return this.set('CHECKBOX', []);
  }
  setAllowInvalid(allow: boolean): DataValidationBuilder {
    this.rule = { ...this.rule, allowInvalid: Boolean(allow) };
    return this;
  }
  setHelpText(text: string): DataValidationBuilder {
    this.rule = { ...this.rule, helpText: String(text) };
    return this;
  }
  build(): DataValidation {
    return new DataValidation(this.rule, this.rangeOf);
  }
}

function signature(method: string, type = 'Object'): Error {
  return gasError(
    `The parameters (${type}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.${method}.`,
  );
}
