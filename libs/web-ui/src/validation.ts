/** A rule returns a message when the value breaks it, or nothing when it is fine. */
export type Rule = (value: string) => string | undefined;
export type Errors<F extends string> = Partial<Record<F, string>>;

// Deliberately loose: the server decides, this only catches typos before a round trip.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const required =
  (message: string): Rule =>
  (v) =>
    v.trim() === '' ? message : undefined;

export const email =
  (message: string): Rule =>
  (v) =>
    v.trim() !== '' && !EMAIL.test(v.trim()) ? message : undefined;

export const minLength =
  (min: number, message: string): Rule =>
  (v) =>
    v.length > 0 && [...v].length < min ? message : undefined;

export const maxLength =
  (max: number, message: string): Rule =>
  (v) =>
    [...v].length > max ? message : undefined;

/** For `<input type="date">` values: the day must be after today and not later than `maxDays` from now. */
export const futureDay =
  (today: string, latest: string | undefined, message: string): Rule =>
  (v) =>
    v !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || v <= today || (latest !== undefined && v > latest))
      ? message
      : undefined;

/** Runs the rules of every field; the first broken rule per field wins. */
export function validate<F extends string>(values: Record<F, string>, rules: Partial<Record<F, Rule[]>>): Errors<F> {
  const errors: Errors<F> = {};
  for (const field of Object.keys(rules) as F[]) {
    for (const rule of rules[field] ?? []) {
      const message = rule(values[field] ?? '');
      if (message) {
        errors[field] = message;
        break;
      }
    }
  }
  return errors;
}

export function hasErrors(errors: Errors<string>): boolean {
  return Object.values(errors).some(Boolean);
}
