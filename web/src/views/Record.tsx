import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CombinedError } from '@urql/core';
import { ActorPicker } from '../components/ActorPicker';
import { getToken, setToken } from '../graphql/client';
import { AddSourceMutation, EventForEditQuery, RecordEventMutation, UpdateEventMutation } from '../graphql/documents';
import { toFormErrors, type FormErrors } from '../graphql/errors';
import { request } from '../graphql/hooks';
import type { EventInput, ParticipantRole, Precision, EventStatus } from '../gql/graphql';
import { lower } from '../lib/format';
import { STATUSES } from '../state/url';

const ROLES: ParticipantRole[] = ['SOURCE', 'TARGET', 'HOST', 'ATTENDEE', 'MEDIATOR'];
const PRECISIONS: Precision[] = ['DAY', 'WEEK', 'MONTH', 'YEAR'];
const NO_ERRORS: FormErrors = { general: [], fields: {}, conflict: false };

// randomUUID exists only in secure contexts (https, localhost).
const randomKey = () => (typeof globalThis.crypto?.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`);

/** One idempotency key per intended write: the same input retried keeps its key, other input gets a new one. */
function useIdempotencyKey() {
  const [held, setHeld] = useState<{ key: string; input: string }>();
  return {
    keyFor(input: unknown): string {
      const json = JSON.stringify(input);
      if (held?.input === json) return held.key;
      const next = { key: randomKey(), input: json };
      setHeld(next);
      return next.key;
    },
    done: () => setHeld(undefined),
  };
}

function FieldError({ form, errors, name }: { form: string; errors: FormErrors; name: string }) {
  const messages = errors.fields[name];
  if (!messages?.length) return null;
  return <span class="field-error" role="alert" data-testid="field-error" data-field={name} id={`${form}-error-${name}`}>{messages.join('; ')}</span>;
}

/** Both forms have a "title": ids are prefixed with the form's, names stay the GraphQL input paths. */
function Field({ form, label, name, errors, children }: { form: string; label: string; name: string; errors: FormErrors; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={`${form}-${name}`}>{label}</label>
      {children}
      <FieldError form={form} errors={errors} name={name} />
    </div>
  );
}

const invalid = (form: string, errors: FormErrors, name: string) => ({
  id: `${form}-${name}`,
  name,
  'aria-invalid': errors.fields[name] ? true : undefined,
  'aria-describedby': errors.fields[name] ? `${form}-error-${name}` : undefined,
});

function FormError({ errors, children }: { errors: FormErrors; children?: ComponentChildren }) {
  if (!errors.code && !errors.general.length) return null;
  return (
    <div data-testid="form-error" role="alert" class="form-error">
      {errors.code && <strong>{errors.code}</strong>} {errors.general.join(' ')}
      {!errors.general.length && Object.keys(errors.fields).length > 0 && ' See the fields marked below.'}
      {children}
    </div>
  );
}

// --- sign in -------------------------------------------------------------------------------------

function tokenClaims(token: string | null): { who?: string; roles?: string[]; expires?: Date } | undefined {
  if (!token) return undefined;
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return { who: payload.upn ?? payload.sub, roles: payload.groups, expires: payload.exp ? new Date(payload.exp * 1000) : undefined };
  } catch {
    return {};
  }
}

function SignIn({ token, onToken }: { token: string | null; onToken: (t: string | null) => void }) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string>();
  const claims = tokenClaims(token);
  const devToken = async () => {
    setMessage(undefined);
    try {
      const r = await fetch('/dev/token?roles=editor');
      if (!r.ok) throw new Error(r.status === 404 ? 'this gateway has no dev token endpoint (it exists only under quarkus:dev)' : `HTTP ${r.status}`);
      onToken((await r.text()).trim());
    } catch (e) {
      setMessage(`No dev token: ${(e as Error).message}.`);
    }
  };
  return (
    <section aria-labelledby="signin-heading" class="card">
      <h2 id="signin-heading">Sign in</h2>
      {token ? (
        <p>
          Signed in{claims?.who ? ` as ${claims.who}` : ''}{claims?.roles ? ` (roles: ${claims.roles.join(', ')})` : ''}
          {claims?.expires ? `, until ${claims.expires.toLocaleString('en-GB')}` : ''}.{' '}
          <button type="button" onClick={() => onToken(null)}>Sign out</button>
        </p>
      ) : (
        <p>Recording needs a bearer token with the <code>editor</code> role.</p>
      )}
      <form data-testid="sign-in" aria-label="Sign in with a token" onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onToken(text.trim());
        setText('');
      }}>
        <label for="token-input">Bearer token</label>
        <textarea id="token-input" data-testid="token-input" rows={3} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} spellcheck={false} />
        <div class="row">
          <button type="submit">Use this token</button>
          <button type="button" data-testid="dev-token" onClick={devToken}>Get a dev token</button>
          <span class="muted">(only when the gateway runs in dev mode)</span>
        </div>
        {message && <p role="alert" class="error">{message}</p>}
      </form>
    </section>
  );
}

// --- record / update an event --------------------------------------------------------------------

interface EventForm {
  title: string;
  code: string;
  start: string;
  end: string;
  precision: string;
  status: string;
  summary: string;
  locationId: string;
  subjectIds: string;
  participants: { actorId: string; role: ParticipantRole }[];
}

const emptyEvent = (): EventForm => ({
  title: '', code: '', start: '', end: '', precision: 'DAY', status: 'OCCURRED', summary: '', locationId: '', subjectIds: '',
  participants: [{ actorId: '', role: 'SOURCE' }],
});

const blankToNull = (s: string) => (s.trim() ? s.trim() : null);

function toInput(f: EventForm, kept?: Pick<EventInput, 'sources' | 'externalIds'>): EventInput {
  return {
    title: f.title,
    code: f.code.trim(),
    start: f.start,
    end: blankToNull(f.end),
    precision: (f.precision || null) as Precision | null,
    status: f.status as EventStatus,
    summary: blankToNull(f.summary),
    locationId: blankToNull(f.locationId),
    subjectIds: f.subjectIds.split(/[\s,]+/).filter(Boolean),
    participants: f.participants.filter((p) => p.actorId).map((p) => ({ actorId: p.actorId, role: p.role })),
    ...(kept ?? {}),
  };
}

function eventFieldNames(f: EventForm): Set<string> {
  const names = ['title', 'code', 'start', 'end', 'precision', 'status', 'summary', 'locationId', 'subjectIds', 'participants', 'sources', 'externalIds'];
  f.participants.forEach((_, i) => names.push(`participants[${i}]`, `participants[${i}].actorId`, `participants[${i}].role`));
  return new Set(names);
}

function RecordEventForm() {
  const [form, setForm] = useState<EventForm>(emptyEvent);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [editing, setEditing] = useState<{ id: string; version: number; kept: Pick<EventInput, 'sources' | 'externalIds'> }>();
  const [editId, setEditId] = useState('');
  const idem = useIdempotencyKey();
  const set = (patch: Partial<EventForm>) => setForm((f) => ({ ...f, ...patch }));
  const show = (error: CombinedError | undefined) => setErrors(toFormErrors(error, eventFieldNames(form)));

  const load = async (id: string, keepForm: boolean) => {
    const r = await request(EventForEditQuery, { id: id.trim() });
    const e = r.data?.event;
    if (!e) {
      setErrors(r.error ? toFormErrors(r.error, new Set()) : { ...NO_ERRORS, code: 'NOT_FOUND', general: [`There is no event with the id ${id}.`] });
      return undefined;
    }
    const loaded = {
      id: e.id, version: e.version,
      kept: {
        externalIds: e.externalIds,
        sources: e.sources.map(({ title, publisher, url, excerpt, publishedAt, speakerId }) => ({ title, publisher, url, excerpt, publishedAt, speakerId })),
      },
    };
    setEditing(loaded);
    if (!keepForm) {
      setForm({
        title: e.title, code: e.code, start: e.start ?? '', end: e.end ?? '', precision: e.precision ?? '', status: e.status ?? 'OCCURRED',
        summary: e.summary ?? '', locationId: e.locationId ?? '', subjectIds: (e.subjects ?? []).map((s) => s.id).join(', '),
        participants: e.participants.length ? e.participants.map((p) => ({ actorId: p.actorId, role: p.role })) : emptyEvent().participants,
      });
      setErrors(NO_ERRORS);
    }
    return loaded;
  };

  const submit = async (target = editing) => {
    setBusy(true);
    setDone(undefined);
    const input = toInput(form, target?.kept);
    const r = target
      ? await request(UpdateEventMutation, { id: target.id, version: target.version, input }, true)
      : await request(RecordEventMutation, { input, idempotencyKey: idem.keyFor(input) }, true);
    setBusy(false);
    const written = r.data && ('updateEvent' in r.data ? r.data.updateEvent : r.data.recordEvent);
    if (written && !r.error) {
      idem.done();
      setErrors(NO_ERRORS);
      setDone(`${target ? 'Updated' : 'Recorded'} “${written.title}” (id ${written.id}, version ${written.version}).`);
      if (target) setEditing({ ...target, version: written.version });
      return;
    }
    show(r.error);
  };

  /** Someone else changed the event: read its current version, then send this form's values again. */
  const reloadAndRetry = async () => {
    if (!editing) return;
    const fresh = await load(editing.id, true);
    if (fresh) await submit(fresh);
  };

  return (
    <section aria-labelledby="record-heading" class="card">
      <h2 id="record-heading">{editing ? `Edit event ${editing.id} (version ${editing.version})` : 'Record an event'}</h2>
      <form class="row" aria-label="Load an event to edit" onSubmit={(e) => { e.preventDefault(); if (editId.trim()) load(editId, false); }}>
        <label for="edit-id">Or edit an existing event, by id</label>
        <input id="edit-id" value={editId} onInput={(e) => setEditId((e.target as HTMLInputElement).value)} />
        <button type="submit">Load</button>
        {editing && <button type="button" onClick={() => { setEditing(undefined); setForm(emptyEvent()); setErrors(NO_ERRORS); }}>New event instead</button>}
      </form>
      <form data-testid="record-form" aria-labelledby="record-heading" class="grid" onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
        <FormError errors={errors}>
          {errors.conflict && editing && (
            <p>
              Someone changed this event after you loaded it.{' '}
              <button type="button" data-testid="conflict-retry" onClick={reloadAndRetry}>Reload the latest version and save my changes again</button>
            </p>
          )}
        </FormError>
        <Field form="ev" label="Title" name="title" errors={errors}>
          <input {...invalid("ev", errors, 'title')} value={form.title} onInput={(e) => set({ title: (e.target as HTMLInputElement).value })} />
        </Field>
        <Field form="ev" label="CAMEO code (e.g. 042)" name="code" errors={errors}>
          <input {...invalid("ev", errors, 'code')} value={form.code} onInput={(e) => set({ code: (e.target as HTMLInputElement).value })} />
        </Field>
        <Field form="ev" label="Start" name="start" errors={errors}>
          <input {...invalid("ev", errors, 'start')} type="date" value={form.start} onInput={(e) => set({ start: (e.target as HTMLInputElement).value })} />
        </Field>
        <Field form="ev" label="End (optional)" name="end" errors={errors}>
          <input {...invalid("ev", errors, 'end')} type="date" value={form.end} onInput={(e) => set({ end: (e.target as HTMLInputElement).value })} />
        </Field>
        <Field form="ev" label="Precision" name="precision" errors={errors}>
          <select {...invalid("ev", errors, 'precision')} value={form.precision} onChange={(e) => set({ precision: (e.target as HTMLSelectElement).value })}>
            {PRECISIONS.map((p) => <option key={p} value={p}>{lower(p)}</option>)}
          </select>
        </Field>
        <Field form="ev" label="Status" name="status" errors={errors}>
          <select {...invalid("ev", errors, 'status')} value={form.status} onChange={(e) => set({ status: (e.target as HTMLSelectElement).value })}>
            {STATUSES.map((s) => <option key={s} value={s}>{lower(s)}</option>)}
          </select>
        </Field>
        <Field form="ev" label="Summary" name="summary" errors={errors}>
          <textarea {...invalid("ev", errors, 'summary')} rows={2} value={form.summary} onInput={(e) => set({ summary: (e.target as HTMLTextAreaElement).value })} />
        </Field>
        <Field form="ev" label="Place id (optional)" name="locationId" errors={errors}>
          <input {...invalid("ev", errors, 'locationId')} value={form.locationId} onInput={(e) => set({ locationId: (e.target as HTMLInputElement).value })} />
        </Field>
        <Field form="ev" label="Territories at stake: place ids, comma-separated" name="subjectIds" errors={errors}>
          <input {...invalid("ev", errors, 'subjectIds')} value={form.subjectIds} onInput={(e) => set({ subjectIds: (e.target as HTMLInputElement).value })} />
        </Field>
        <fieldset class="wide">
          <legend>Participants</legend>
          <FieldError form="ev" errors={errors} name="participants" />
          {form.participants.map((p, i) => {
            const update = (patch: Partial<EventForm['participants'][number]>) =>
              set({ participants: form.participants.map((q, j) => (j === i ? { ...q, ...patch } : q)) });
            return (
              <div class="participant" key={i}>
                <ActorPicker testId={`participant-${i}`} label={`Participant ${i + 1}`} single selected={p.actorId ? [p.actorId] : []}
                  onAdd={(id) => update({ actorId: id })} onRemove={() => update({ actorId: '' })} />
                <input type="hidden" name={`participants[${i}].actorId`} value={p.actorId} />
                <FieldError form="ev" errors={errors} name={`participants[${i}].actorId`} />
                <FieldError form="ev" errors={errors} name={`participants[${i}]`} />
                <label for={`ev-participants[${i}].role`}>Role of participant {i + 1}</label>
                <select {...invalid("ev", errors, `participants[${i}].role`)} value={p.role} onChange={(e) => update({ role: (e.target as HTMLSelectElement).value as ParticipantRole })}>
                  {ROLES.map((r) => <option key={r} value={r}>{lower(r)}</option>)}
                </select>
                <FieldError form="ev" errors={errors} name={`participants[${i}].role`} />
                {form.participants.length > 1 && (
                  <button type="button" onClick={() => set({ participants: form.participants.filter((_, j) => j !== i) })}>Remove participant {i + 1}</button>
                )}
              </div>
            );
          })}
          <button type="button" onClick={() => set({ participants: [...form.participants, { actorId: '', role: 'TARGET' }] })}>Add a participant</button>
        </fieldset>
        <div class="wide row">
          <button type="submit" disabled={busy}>{busy ? 'Saving…' : editing ? 'Save changes' : 'Record the event'}</button>
          {done && <span role="status" data-testid="form-success">{done}</span>}
        </div>
      </form>
    </section>
  );
}

// --- add a source --------------------------------------------------------------------------------

function AddSourceForm() {
  const [f, setF] = useState({ eventId: '', url: '', publisher: '', title: '', excerpt: '', publishedAt: '', speakerId: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const idem = useIdempotencyKey();
  const names = new Set(['eventId', 'url', 'publisher', 'title', 'excerpt', 'publishedAt', 'speakerId']);
  const bind = (name: keyof typeof f) => ({
    ...invalid("src", errors, name),
    value: f[name],
    onInput: (e: Event) => setF((s) => ({ ...s, [name]: (e.target as HTMLInputElement).value })),
  });
  const submit = async () => {
    setBusy(true);
    setDone(undefined);
    const input = {
      url: blankToNull(f.url), publisher: blankToNull(f.publisher), title: blankToNull(f.title), excerpt: blankToNull(f.excerpt),
      publishedAt: f.publishedAt ? new Date(f.publishedAt).toISOString() : null, speakerId: blankToNull(f.speakerId),
    };
    const r = await request(AddSourceMutation, { eventId: f.eventId.trim(), input, idempotencyKey: idem.keyFor({ eventId: f.eventId, input }) }, true);
    setBusy(false);
    if (r.data?.addSource && !r.error) {
      idem.done();
      setErrors(NO_ERRORS);
      setDone(`Added to “${r.data.addSource.title}”: it now has ${r.data.addSource.sources.length} sources.`);
    } else setErrors(toFormErrors(r.error, names));
  };
  return (
    <section aria-labelledby="source-heading" class="card">
      <h2 id="source-heading">Add a source to an event</h2>
      <form data-testid="add-source-form" aria-labelledby="source-heading" class="grid" onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
        <FormError errors={errors} />
        <Field form="src" label="Event id" name="eventId" errors={errors}><input {...bind('eventId')} /></Field>
        <Field form="src" label="Link (URL)" name="url" errors={errors}><input {...bind('url')} type="url" /></Field>
        <Field form="src" label="Publisher" name="publisher" errors={errors}><input {...bind('publisher')} /></Field>
        <Field form="src" label="Title" name="title" errors={errors}><input {...bind('title')} /></Field>
        <Field form="src" label="Quote" name="excerpt" errors={errors}><textarea {...bind('excerpt')} rows={2} /></Field>
        <Field form="src" label="Published at" name="publishedAt" errors={errors}><input {...bind('publishedAt')} type="datetime-local" /></Field>
        <Field form="src" label="Speaker (actor id, optional)" name="speakerId" errors={errors}><input {...bind('speakerId')} /></Field>
        <div class="wide row">
          <button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Add the source'}</button>
          {done && <span role="status" data-testid="form-success">{done}</span>}
        </div>
      </form>
    </section>
  );
}

export default function RecordView() {
  const [token, setTokenState] = useState(getToken);
  const onToken = (t: string | null) => {
    setToken(t);
    setTokenState(t);
  };
  return (
    <div class="record-view">
      <h1>Record</h1>
      <SignIn token={token} onToken={onToken} />
      <RecordEventForm />
      <AddSourceForm />
    </div>
  );
}
