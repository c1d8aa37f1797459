// The gateway's errors as a form shows them: `extensions.violations[].field` next to the input whose
// name is that field path, everything else (with `extensions.code`) in the form's general error area.

export interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> | null;
}

export interface ErrorsLike {
  graphQLErrors?: readonly GraphQLErrorLike[];
  networkError?: { message: string } | null;
}

export interface FormErrors {
  /** extensions.code of the first error (NETWORK when the gateway was not reached). */
  code?: string;
  /** Messages not tied to a field of the form. */
  general: string[];
  /** Field path (the input's `name`) → messages. */
  fields: Record<string, string[]>;
  /** Someone changed the record since it was read: offer reload-and-retry. */
  conflict: boolean;
}

interface Violation {
  field?: unknown;
  message?: unknown;
}

/**
 * A violation's field as the form names it: the argument prefix of the gateway's own checks
 * ("input.title") is dropped, so they match the backends' body paths ("title", "participants[0].actorId").
 */
export function normaliseField(field: string): string {
  return field.replace(/^input\./, '').replace(/\.\[/g, '[');
}

/** The closest form field for a path: itself, else its nearest parent ("sources[0].url" → "sources[0]" → "sources"). */
export function formFieldFor(path: string, known: ReadonlySet<string>): string | undefined {
  let p = path;
  while (p) {
    if (known.has(p)) return p;
    const parent = p.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
    if (parent === p) return undefined;
    p = parent;
  }
  return undefined;
}

export function toFormErrors(error: ErrorsLike | null | undefined, known: ReadonlySet<string>): FormErrors {
  const result: FormErrors = { general: [], fields: {}, conflict: false };
  if (!error) return result;
  if (error.networkError && !error.graphQLErrors?.length) {
    result.code = 'NETWORK';
    result.general.push(`The request to the gateway failed (${error.networkError.message}).`);
    return result;
  }
  for (const e of error.graphQLErrors ?? []) {
    const code = typeof e.extensions?.code === 'string' ? e.extensions.code : undefined;
    result.code ??= code;
    if (code === 'CONFLICT') result.conflict = true;
    const violations = Array.isArray(e.extensions?.violations) ? (e.extensions.violations as Violation[]) : [];
    for (const v of violations) {
      const message = typeof v.message === 'string' ? v.message : 'is invalid';
      const path = typeof v.field === 'string' ? normaliseField(v.field) : '';
      const field = formFieldFor(path, known);
      if (field) (result.fields[field] ??= []).push(message);
      else result.general.push(path ? `${path}: ${message}` : message);
    }
    if (!violations.length) result.general.push(e.message);
  }
  return result;
}
