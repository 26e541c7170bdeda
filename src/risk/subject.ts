import {floatArithmetic, parseModelInput, parseVariant, project, type ParsedFields, type ModelInput, type ModelInputDraft, type Projection} from "../model/index.js";
import {applyControls, type Controls} from "../scenario/controls.js";
import {INPUTS} from "../scenario/inputs-table.js";
import {readProjection} from "../readings/projection.js";

/**
 * What a risk tool varies: a scenario's model input (the base it was built from) and the
 * controls a reader set. Every variation moves controls only, so every figure a risk tool
 * shows is one the live notebook would show for the same inputs.
 */
export interface RiskSubject {
  readonly base: ModelInputDraft;
  readonly controls: Controls;
}

export type ControlKey = keyof Controls;

/** Controls with one moved, held to the control's range (a slider cannot go further). */
export function withControl(controls: Controls, key: ControlKey, value: number): Controls {
  const {min, max} = INPUTS[key];
  return {...controls, [key]: Math.min(max, Math.max(min, value))};
}

/**
 * A subject whose base is validated once, so that each variation parses only what it changes.
 * A page hands the same base object on every move (the story page's live risk asks for a
 * subject several times a second): its parse is kept, by the object, for as long as the
 * object lives. A base is data read from a file and never changed after, so the parse stays
 * right.
 */
export function riskSubject(base: ModelInputDraft, controls: Controls): RiskSubject {
  let parsed = parsedBases.get(base);
  if (!parsed) parsedBases.set(base, parsed = parseModelInput(base));
  return {base: parsed, controls};
}
const parsedBases = new WeakMap<object, ModelInput>();

/** The subject's input with `controls` laid on; `parsed` keeps the fields parsed for earlier variants (a grid's cells). */
export function inputFor(subject: RiskSubject, controls: Controls = subject.controls, parsed?: ParsedFields): ModelInput {
  const base = parseModelInput(subject.base);
  return parseVariant(base, applyControls(base, controls), parsed);
}

/** The fast path: float64, for grids, tornadoes, goal seeks and Monte Carlo paths. */
export function projectFast(subject: RiskSubject, controls: Controls = subject.controls): Projection<number> {
  return project(inputFor(subject, controls), floatArithmetic);
}

/** The exact path, as numbers, for spot checks of the fast one. */
export function projectExact(subject: RiskSubject, controls: Controls = subject.controls): Projection<number> {
  return readProjection(inputFor(subject, controls)).numbers;
}
