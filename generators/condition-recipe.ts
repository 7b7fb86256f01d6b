/** The drawn choices behind one condition entry; rendered against a world by condition-block.ts. */
export interface ConditionRecipe {
  readonly key: number;
  readonly op: number;
  readonly isNull: boolean;
  readonly qualifier: number;
  readonly ifExists: boolean;
  readonly values: readonly number[];
  readonly form: number;
  readonly keyCase: number;
  readonly variable: number | null;
  readonly bare: boolean;
}
