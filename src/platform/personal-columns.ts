/**
 * How each module tells the policy check what its columns hold: for every
 * column of its tables, the declared item it stores (personal data) or null
 * (not personal data). A column left out is a column nobody has classified,
 * and the check fails on it: deny by default.
 */
export type TableColumns<Table> = { [Column in keyof Table]-?: string | null };

export type ColumnRegistry = Record<string, Record<string, string | null>>;
