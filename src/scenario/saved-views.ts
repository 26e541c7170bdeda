import {z} from "zod";
import {INPUT_KEYS, type Controls} from "./inputs-table.js";
import {assumptionsSchema, BASE, fork, scenarioSchema, type Assumptions, type Scenario} from "./scenario.js";

/**
 * Saved views: the reader's named sets of inputs, kept in the browser (Excel's Scenario
 * Manager, in the page). This module holds the store's format and its checks, pure; the
 * widget (src/views/widgets/saved-views.ts) reads and writes a Storage.
 *
 * Each view is one storage entry of its own, under `VIEW_KEY_PREFIX` + an id, so that one
 * damaged entry costs that view only. Storage is untrusted: another tab, an older or newer
 * version of the page, an extension or a person with the developer tools may have written
 * it. An entry that fails a check is reported and left where it is, never loaded and never
 * deleted unless the reader asks.
 */
export const VIEW_KEY_PREFIX = "solvency-notebook/saved-view/";

export const SAVED_VIEW_LIMITS = {
  /** Views the page keeps; entries beyond it are reported, not read. */
  views: 20,
  /** Characters of a view's name, after trimming. */
  nameLength: 60,
  /** Characters of one stored entry: a view with every input is about 900. */
  entryChars: 4000,
  /** Views on the comparison's charts at once, besides the base case. */
  compare: 4
} as const;

/** The version this page writes; an entry of another version is reported, not guessed at. */
export const SAVED_VIEW_VERSION = 1;

export interface SavedView {
  /** The storage key's tail: made by the page when the view is saved, never shown. */
  readonly id: string;
  readonly name: string;
  /** ISO 8601, when the view was saved or last renamed. */
  readonly savedAt: string;
  /** Every input's value when saved, in the page's units; inputs added to the page later are absent. */
  readonly assumptions: Assumptions;
}

export interface SavedViewProblem {
  /** The storage key, as found (shown shortened, as text). */
  readonly key: string;
  readonly problem: string;
}

export interface SavedViews {
  /** Oldest first. */
  readonly views: readonly SavedView[];
  /** Entries not read, each with the reason; they stay in storage. */
  readonly problems: readonly SavedViewProblem[];
}

export type Outcome<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly reason: string};

const ID_PATTERN = /^[a-z0-9]{1,32}$/;
// Control characters, and the bidirectional overrides that would reorder the text around a name.
const UNPRINTABLE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** A view's name as kept: trimmed, runs of spaces made one, 1 to 60 printable characters. */
export function checkName(text: string): Outcome<string> {
  const name = text.trim().replace(/\s+/g, " ");
  if (!name) return {ok: false, reason: "A view needs a name."};
  if (UNPRINTABLE.test(name)) return {ok: false, reason: "A view's name may not hold control characters."};
  if ([...name].length > SAVED_VIEW_LIMITS.nameLength) return {ok: false, reason: `A view's name may be at most ${SAVED_VIEW_LIMITS.nameLength} characters.`};
  return {ok: true, value: name};
}

const storedViewSchema = z.object({
  version: z.literal(SAVED_VIEW_VERSION, `must be ${SAVED_VIEW_VERSION}`),
  name: z.string().superRefine((text, context) => {
    const checked = checkName(text);
    if (!checked.ok) context.addIssue({code: "custom", message: checked.reason});
    else if (checked.value !== text) context.addIssue({code: "custom", message: "is not a name as the page writes it"});
  }),
  savedAt: z.iso.datetime({message: "is not a date and time"}),
  assumptions: assumptionsSchema
}).strict();

/** The text a view is stored as, under `viewKey(view.id)`. */
export function storedText(view: SavedView): string {
  const {name, savedAt, assumptions} = view;
  return JSON.stringify({version: SAVED_VIEW_VERSION, name, savedAt, assumptions});
}

export const viewKey = (id: string): string => `${VIEW_KEY_PREFIX}${id}`;

/**
 * The saved views among a storage's entries (key, text), in any order; keys without the
 * prefix belong to someone else and are passed over. Each entry is read on its own: an
 * entry too long, not JSON, of the wrong shape, with a key the page does not know or a value
 * out of an input's range becomes a problem and the others are read. Views are kept oldest
 * first, the first 20; the rest are problems too.
 */
export function parseSavedViews(entries: Iterable<readonly [string, string | null]>): SavedViews {
  const views: SavedView[] = [];
  const problems: SavedViewProblem[] = [];
  for (const [key, text] of entries) {
    if (!key.startsWith(VIEW_KEY_PREFIX)) continue;
    const read = readEntry(key, text);
    if (read.ok) views.push(read.value);
    else problems.push({key, problem: read.reason});
  }
  views.sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.id.localeCompare(b.id));
  for (const extra of views.slice(SAVED_VIEW_LIMITS.views)) {
    problems.push({key: viewKey(extra.id), problem: `is beyond the ${SAVED_VIEW_LIMITS.views} views this page keeps`});
  }
  return {views: views.slice(0, SAVED_VIEW_LIMITS.views), problems};
}

function readEntry(key: string, text: string | null): Outcome<SavedView> {
  const id = key.slice(VIEW_KEY_PREFIX.length);
  if (!ID_PATTERN.test(id)) return {ok: false, reason: "has a key this page does not write"};
  if (text === null) return {ok: false, reason: "is empty"};
  if (text.length > SAVED_VIEW_LIMITS.entryChars) return {ok: false, reason: `is too large (${text.length.toLocaleString("en-US")} characters; at most ${SAVED_VIEW_LIMITS.entryChars.toLocaleString("en-US")})`};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {ok: false, reason: "is not JSON"};
  }
  const checked = storedViewSchema.safeParse(raw);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.map(String).join(".")} ` : "";
    const message = issue.code === "unrecognized_keys" ? `has unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}` : issue.message;
    return {ok: false, reason: `${where}${message}`.slice(0, 200)};
  }
  const {name, savedAt, assumptions} = checked.data;
  return {ok: true, value: {id, name, savedAt, assumptions}};
}

const sameName = (a: string, b: string) => a.localeCompare(b, "en", {sensitivity: "accent"}) === 0;

/**
 * A new view of `controls` named `name`, to store under `viewKey(id)`. Refused when the
 * name is not one (see `checkName`), another view has it (case aside), or the page keeps 20
 * already.
 */
export function addView(views: readonly SavedView[], draft: {readonly id: string; readonly name: string; readonly controls: Controls; readonly savedAt: string}): Outcome<SavedView> {
  if (!ID_PATTERN.test(draft.id)) throw new Error(`a saved view's id must match ${ID_PATTERN}, not "${draft.id}"`);
  const name = checkName(draft.name);
  if (!name.ok) return name;
  if (views.length >= SAVED_VIEW_LIMITS.views) return {ok: false, reason: `The page keeps ${SAVED_VIEW_LIMITS.views} views at most: delete one first.`};
  if (views.some((v) => sameName(v.name, name.value))) return {ok: false, reason: `A view named "${name.value}" exists already.`};
  const assumptions = assumptionsSchema.parse(Object.fromEntries(INPUT_KEYS.map((key) => [key, draft.controls[key]])));
  return {ok: true, value: {id: draft.id, name: name.value, savedAt: draft.savedAt, assumptions}};
}

/** The view `id` under a new name, refused as `addView` refuses a name. */
export function renameView(views: readonly SavedView[], id: string, name: string, savedAt: string): Outcome<SavedView> {
  const view = views.find((v) => v.id === id);
  if (!view) return {ok: false, reason: "That view is no longer saved."};
  const checked = checkName(name);
  if (!checked.ok) return checked;
  if (views.some((v) => v.id !== id && sameName(v.name, checked.value))) return {ok: false, reason: `A view named "${checked.value}" exists already.`};
  return {ok: true, value: {...view, name: checked.value, savedAt}};
}

/** The views without `id`. */
export function removeView(views: readonly SavedView[], id: string): SavedView[] {
  return views.filter((v) => v.id !== id);
}

/** A view's inputs: its own values, and `defaults` (the base case's) for inputs it predates. */
export function viewControls(view: SavedView, defaults: Controls): Controls {
  return Object.fromEntries(INPUT_KEYS.map((key) => [key, view.assumptions[key] ?? defaults[key]])) as Controls;
}

/**
 * A scenario file's name for a view's name: lower-case letters, digits and dashes, accents
 * dropped ("Rates up, growth ½" → "rates-up-growth"); never "base" nor any of `taken`
 * (the scenarios already in scenarios/), which gain "-view", then a number.
 */
export function scenarioName(viewName: string, taken: readonly string[] = []): string {
  const slug = viewName.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48).replace(/-+$/, "") || "saved-view";
  const used = new Set([BASE, ...taken]);
  if (!used.has(slug)) return slug;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${slug}-view` : `${slug}-view-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * A view as a scenario file the CLI reads (`scenarios/NAME.json`, run with `npm run scenario
 * -- run NAME`): it forks the base case with the inputs that differ from `baseControls`,
 * titled with the view's name.
 */
export function toScenarioFile(view: SavedView, baseControls: Controls, taken: readonly string[] = []): {readonly fileName: string; readonly scenario: Scenario; readonly text: string} {
  const name = scenarioName(view.name, taken);
  const scenario = fork(name, BASE, baseControls, viewControls(view, baseControls), view.name,
    `Saved in the notebook as "${view.name}" on ${view.savedAt.slice(0, 10)}. Say here where each changed number comes from.`);
  const text = JSON.stringify({$schema: "./scenario.schema.json", ...scenarioSchema.parse(scenario)}, null, 2) + "\n";
  return {fileName: `${name}.json`, scenario, text};
}

/**
 * The names of views on one chart, each once: a name that repeats one before it or
 * `reserved` (the base case's line) gains " (2)", " (3)", … Storage written by hand or by an
 * older page may hold two views of the same name; a chart must not draw them as one line.
 */
export function compareLabels(names: readonly string[], reserved: string): string[] {
  const used = new Set([reserved]);
  return names.map((name) => {
    let label = name;
    for (let n = 2; used.has(label); n++) label = `${name} (${n})`;
    used.add(label);
    return label;
  });
}
