/**
 * Decap CMS, fitted to the content format (src/authoring/editors/decap-config.ts). Loaded by the
 * content manager's page after Decap itself, from the site (never inline), so the page
 * keeps to its Content-Security-Policy (src/render/security-headers.ts).
 *
 * - Two widgets for dates a Decap form cannot otherwise show: a visit (its first and last
 *   days, or for an old ungraded visit only a month or year) and a date that may be a
 *   range (a context event's). They check what they can as the editor types; the
 *   patterns come from the configuration, which takes them from src/content/date-patterns.ts.
 * - Before each save, fields left empty are taken out of the file: `npm run check` refuses
 *   an empty optional field (`leadInspector: ""`) or a grade left unchosen.
 *
 * https://decapcms.org/docs/custom-widgets/ https://decapcms.org/docs/registering-events/
 */

const { CMS, createClass, h } = window;

// Decap keeps entries as Immutable.js values; these are Immutable's own type markers.
const isMap = (value) => Boolean(value && value["@@__IMMUTABLE_MAP__@@"]);
const isList = (value) => Boolean(value && value["@@__IMMUTABLE_LIST__@@"]);
/** A field of an object value, whether Decap holds it as Immutable or as a plain object. */
const part = (value, name) =>
  isMap(value) ? value.get(name) : value && typeof value === "object" ? value[name] : undefined;
const matches = (pattern, text) => new RegExp(pattern).test(String(text ?? ""));

function isEmpty(value) {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (isMap(value) || isList(value)) return value.size === 0;
  return false;
}

/** The value with empty fields removed, at every depth; a list keeps its order. */
function withoutEmpty(value) {
  if (isMap(value) || isList(value)) return value.map(withoutEmpty).filter((item) => !isEmpty(item));
  return value;
}

/*
 * Days in the site's language (en-GB): typed and shown day first, 02/06/2025 for 2 June
 * 2025, with the format beside the box, and kept in the file as 2025-06-02. A date picker
 * follows the browser's own locale (month first in many), and typing into it day first
 * gave the year 12025; a box of text does neither. A date typed as the file has it
 * (2025-06-02) is read too. What cannot be read is said, and the entry is not saved.
 */
const DAY_HINT = "day/month/year, like 02/06/2025";

/** "2025-06-02" from "2/6/2025", "02.06.2025" or "2025-06-02"; null when it is not a day that exists. */
function readDay(text) {
  const typed = String(text ?? "").trim();
  const dayFirst = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(typed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed);
  const [year, month, day] = dayFirst
    ? [dayFirst[3], dayFirst[2], dayFirst[1]].map(Number)
    : iso
      ? [iso[1], iso[2], iso[3]].map(Number)
      : [];
  if (!year) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** "02/06/2025" for "2025-06-02"; anything else as it is. */
function showDay(value) {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value ?? ""));
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : String(value ?? "");
}

/** Why a typed day cannot be kept, or undefined: `what` names it ("The first day"). */
function dayProblem(value, what) {
  if (value === null || value === undefined || value === "") return undefined;
  return readDay(value) === value
    ? undefined
    : `${what} '${value}' cannot be read as a day: write it ${DAY_HINT} (2 June 2025).`;
}

/** A box for one day: shows and takes day/month/year, hands on YYYY-MM-DD (or, unreadable, the text as typed). */
const dayBox = ({ id, value, onChange, events }) =>
  h(
    "span",
    null,
    h("input", {
      id,
      type: "text",
      inputMode: "numeric",
      placeholder: "dd/mm/yyyy",
      "aria-describedby": `${id}-format`,
      defaultValue: showDay(value),
      onChange: (event) => {
        const text = event.target.value.trim();
        onChange(text === "" ? "" : (readDay(text) ?? text));
      },
      ...events,
    }),
    h("span", { id: `${id}-format`, style: { marginLeft: "0.5em", color: "#555" } }, DAY_HINT),
  );

const DayControl = createClass({
  isValid() {
    const problem = dayProblem(this.props.value, "The date");
    return problem ? { error: { message: problem } } : true;
  },
  render() {
    const { forID, value, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    return h(
      "div",
      { className: classNameWrapper },
      dayBox({
        id: forID,
        value,
        onChange: (day) => onChange(day === "" ? null : day),
        events: { onFocus: setActiveStyle, onBlur: setInactiveStyle },
      }),
    );
  },
});

/**
 * A visit: two day pickers (first and last day), or, for a file written by hand with only
 * a month or a year, that text (cleared, it becomes the day pickers again).
 */
const VisitControl = createClass({
  getInitialState() {
    const { value } = this.props;
    return { knownOnlyRoughly: value !== null && value !== undefined && value !== "" && typeof value !== "object" };
  },
  change(name, day) {
    const { value, onChange } = this.props;
    const next = { start: part(value, "start") ?? "", end: part(value, "end") ?? "", [name]: day };
    onChange(next.start || next.end ? next : null);
  },
  changeRough(event) {
    const text = event.target.value;
    if (text.trim() === "") this.setState({ knownOnlyRoughly: false });
    this.props.onChange(text.trim() === "" ? null : text);
  },
  isValid() {
    const { value, field } = this.props;
    if (value === null || value === undefined) return true;
    if (this.state.knownOnlyRoughly) {
      return (
        matches(field.get("point_pattern"), value) || {
          error: { message: "Write the month or year of the visit, like 2020-10 or 2020." },
        }
      );
    }
    const [start, end] = [part(value, "start"), part(value, "end")];
    const unreadable = dayProblem(start, "The first day") ?? dayProblem(end, "The last day");
    if (unreadable) return { error: { message: unreadable } };
    if (!matches(field.get("day_pattern"), start) || !matches(field.get("day_pattern"), end)) {
      return {
        error: {
          message: `Give ${start ? "the last" : end ? "the first" : "the first and the last"} day of the visit.`,
        },
      };
    }
    return end >= start || { error: { message: `The last day cannot be before the first (${start}).` } };
  },
  render() {
    const { forID, value, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const events = { onFocus: setActiveStyle, onBlur: setInactiveStyle };
    if (this.state.knownOnlyRoughly) {
      return h(
        "div",
        { className: classNameWrapper },
        h("input", { id: forID, type: "text", value: String(value ?? ""), onChange: this.changeRough, ...events }),
        h("p", null, "This visit is known only by its month or year. Clear it to give its days instead."),
      );
    }
    const day = (name, label) =>
      h(
        "p",
        null,
        // The page's policy allows Decap's inline styles, so the widget may use them too.
        h("label", { htmlFor: `${forID}-${name}`, style: { display: "inline-block", minWidth: "6em" } }, label),
        dayBox({ id: `${forID}-${name}`, value: part(value, name), onChange: (day) => this.change(name, day), events }),
      );
    return h("div", { className: classNameWrapper }, day("start", "First day"), day("end", "Last day"));
  },
});

/** "2017-03", or "2022-08 to 2024-02" for a range: a context event's date. */
const format = (value) =>
  value === null || value === undefined
    ? ""
    : typeof value === "object"
      ? `${part(value, "from")} to ${part(value, "to")}`
      : String(value);

function parse(text) {
  const range = /^\s*(\S+)\s+to\s+(\S+)\s*$/.exec(text);
  return range ? { from: range[1], to: range[2] } : text.trim();
}

const WhenControl = createClass({
  getInitialState() {
    return { text: format(this.props.value) };
  },
  change(event) {
    this.setState({ text: event.target.value });
    this.props.onChange(event.target.value.trim() === "" ? null : parse(event.target.value));
  },
  isValid() {
    const { field } = this.props;
    const parsed = parse(this.state.text);
    if (parsed === "") return true;
    const ends = typeof parsed === "object" ? [parsed.from, parsed.to] : [parsed];
    return (
      ends.every((end) => matches(field.get("point_pattern"), end)) || {
        error: {
          message:
            "Write a day (2017-03-14), a month (2017-03), a year (2017), a financial year (2015-16), or a range like 2022-08 to 2024-02.",
        },
      }
    );
  },
  render() {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    return h("input", {
      id: forID,
      type: "text",
      className: classNameWrapper,
      value: this.state.text,
      onChange: this.change,
      onFocus: setActiveStyle,
      onBlur: setInactiveStyle,
    });
  },
});

/*
 * The inspection form's framework, kind and judgements (src/authoring/editors/decap-config.ts). Each
 * follows other fields of the entry: Decap draws a widget again only when its own value
 * changes, so each looks at the entry as it is (getEntry) four times a second and draws
 * itself again when what it follows has changed.
 */

/** The first day of a visit: its start, or for one known by month or year, that month's or year's first day. */
function visitStart(data) {
  const visit = part(data, "visit");
  const text = visit !== null && typeof visit === "object" ? part(visit, "start") : visit;
  const day = String(text ?? "");
  if (/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(day)) return `${day}-01`;
  if (/^\d{4}$/.test(day)) return `${day}-01-01`;
  return "";
}

const listOf = (value) => (value && typeof value.toJS === "function" ? value.toJS() : (value ?? []));
const dataOf = (props) => props.getEntry?.()?.get("data");
const frameworksIn = (field) => listOf(field.get("frameworks"));
const frameworkOf = (field, data) => frameworksIn(field).find((framework) => framework.id === part(data, "framework"));
const inForceText = (framework) => `in force from ${framework.from}${framework.to ? ` to ${framework.to}` : ""}`;

/**
 * The organisations the organisation widget last heard of from the server (drafts
 * included), by id: their kinds narrow the frameworks offered.
 */
const organisationsSeen = new Map();

/** The organisation's kind: as the server said, or as the configuration has it; "" when not known. */
function kindOf(field, id) {
  return organisationsSeen.get(id)?.kind ?? field.getIn(["kinds", id]) ?? "";
}

/**
 * The frameworks an inspection of this organisation could be under, on the visit's first
 * day: those in force then that are used for its kind (a framework's `appliesTo`, as
 * `npm run check` reads it: src/model/framework-applies.ts), of the inspectorate that
 * inspected it before when there is one.
 */
function candidateFrameworks(field, data) {
  const start = visitStart(data);
  if (!start) return { start, inForce: [], candidates: [] };
  const organisation = String(part(data, "organisation") ?? "");
  const kind = kindOf(field, organisation);
  const inForce = frameworksIn(field).filter(
    (f) => f.from <= start && (!f.to || start <= f.to) && (!kind || !f.appliesTo || f.appliesTo.includes(kind)),
  );
  const before = listOf(field.getIn(["inspected", organisation]));
  const theirs = inForce.filter((framework) => before.includes(framework.inspectorate));
  return { start, kind, inForce, candidates: theirs.length > 0 ? theirs : inForce };
}

/** Draws the widget again when `key(data)` changes. */
function following(key) {
  return {
    componentDidMount() {
      this.timer = setInterval(() => {
        const now = key(this.props, dataOf(this.props));
        if (now !== this.followed) {
          this.followed = now;
          this.forceUpdate();
          this.followedChanged?.();
        }
      }, 250);
    },
    componentWillUnmount() {
      clearInterval(this.timer);
    },
  };
}

const note = (text) => h("p", { style: { margin: "8px 0" } }, text);

/** Why no framework is offered: none in force that day, or none of those used for the organisation's kind. */
function noneInForce(field, data) {
  const { start, kind } = candidateFrameworks(field, data);
  const any = frameworksIn(field).filter((f) => f.from <= start && (!f.to || start <= f.to));
  return kind && any.length > 0
    ? `No framework of this site in force on ${start} is used for a ${kind} (${any.map((f) => `${f.label} is for ${(f.appliesTo ?? []).join(", ")}`).join("; ")}).`
    : `No framework of this site was in force on ${start}.`;
}

const FrameworkControl = createClass({
  mixins: [following((props, data) => `${part(data, "organisation")}|${visitStart(data)}|${props.value}`)],
  followedChanged() {
    // One framework in force (and none chosen, or one not in force then): it is the one.
    const { value, field, onChange } = this.props;
    const { inForce, candidates } = candidateFrameworks(field, dataOf(this.props));
    if (candidates.length === 1 && !inForce.some((framework) => framework.id === value)) onChange(candidates[0].id);
  },
  isValid() {
    const { value, field } = this.props;
    const { start, inForce } = candidateFrameworks(field, dataOf(this.props));
    if (!start) return { error: { message: "Give the visit's first day: the framework follows from it." } };
    if (inForce.length === 0) return { error: { message: noneInForce(field, dataOf(this.props)) } };
    if (!inForce.some((framework) => framework.id === value))
      return {
        error: { message: `Choose the framework the report names: ${inForce.map((f) => f.label).join(" or ")}.` },
      };
    return true;
  },
  render() {
    const { forID, value, field, onChange, classNameWrapper } = this.props;
    const data = dataOf(this.props);
    const { start, candidates } = candidateFrameworks(field, data);
    if (!start)
      return h(
        "div",
        { id: forID, className: classNameWrapper },
        note("Give the visit's first day (below): the framework follows from it, and from the organisation."),
      );
    if (candidates.length === 0)
      return h("div", { id: forID, className: classNameWrapper }, note(noneInForce(field, data)));
    if (candidates.length === 1)
      return h(
        "div",
        { id: forID, className: classNameWrapper },
        note(`${candidates[0].label}, ${inForceText(candidates[0])}: the framework in force on ${start}.`),
      );
    return h(
      "div",
      { className: classNameWrapper },
      note(`More than one framework was in force on ${start}: choose the one the report names.`),
      h(
        "select",
        {
          id: forID,
          value: value ?? "",
          style: { maxWidth: "100%" },
          onChange: (event) => onChange(event.target.value || null),
        },
        h("option", { value: "" }, "Choose a framework"),
        ...candidates.map((framework) =>
          h("option", { key: framework.id, value: framework.id }, `${framework.label}, ${inForceText(framework)}`),
        ),
      ),
    );
  },
});

const KindControl = createClass({
  mixins: [following((props, data) => `${part(data, "framework")}|${props.value}`)],
  isValid() {
    const framework = frameworkOf(this.props.field, dataOf(this.props));
    const { value } = this.props;
    if (!framework || !value || value === "unknown") return true;
    return (
      framework.kinds.some((kind) => kind.id === value) || {
        error: { message: `'${value}' is not a kind of inspection under ${framework.label}: choose one of its kinds.` },
      }
    );
  },
  render() {
    const { forID, value, field, onChange, classNameWrapper } = this.props;
    const framework = frameworkOf(field, dataOf(this.props));
    if (!framework)
      return h(
        "div",
        { id: forID, className: classNameWrapper },
        note("The kinds follow the framework: give the organisation and the visit's first day (below)."),
      );
    const kinds = [...framework.kinds];
    if (value && !kinds.some((kind) => kind.id === value))
      kinds.push({ id: value, label: value === "unknown" ? "Not known" : value, graded: true });
    return h(
      "select",
      {
        id: forID,
        className: classNameWrapper,
        value: value ?? "",
        onChange: (event) => onChange(event.target.value || null),
      },
      h("option", { value: "" }, `Choose a kind of ${framework.label} inspection`),
      ...kinds.map((kind) =>
        h("option", { key: kind.id, value: kind.id }, `${kind.label}${kind.graded ? "" : " (not graded)"}`),
      ),
    );
  },
});

/** The grades chosen, as a plain object without the empty ones; null when there are none. */
function gradesOf(value) {
  const grades = Object.fromEntries(
    Object.entries(isMap(value) ? value.toJS() : (value ?? {})).filter(([, grade]) => grade !== "" && grade != null),
  );
  return Object.keys(grades).length > 0 ? grades : null;
}

const JudgementsControl = createClass({
  mixins: [following((props, data) => `${part(data, "framework")}|${part(data, "kind")}`)],
  followedChanged() {
    // Grades of areas the framework now chosen does not have are dropped.
    const framework = frameworkOf(this.props.field, dataOf(this.props));
    const grades = gradesOf(this.props.value);
    if (!framework || !grades) return;
    const kept = Object.fromEntries(
      Object.entries(grades).filter(([area]) => framework.areas.some((a) => a.id === area)),
    );
    if (Object.keys(kept).length !== Object.keys(grades).length) this.props.onChange(gradesOf(kept));
  },
  isValid() {
    const data = dataOf(this.props);
    const framework = frameworkOf(this.props.field, data);
    const kind = framework?.kinds.find((candidate) => candidate.id === part(data, "kind"));
    if (kind && !kind.graded && gradesOf(this.props.value))
      return { error: { message: `A ${kind.label.toLowerCase()} is not graded: clear its grades.` } };
    return true;
  },
  render() {
    const { forID, value, field, onChange, classNameWrapper } = this.props;
    const data = dataOf(this.props);
    const framework = frameworkOf(field, data);
    if (!framework)
      return h(
        "div",
        { id: forID, className: classNameWrapper },
        note("The areas follow the framework: give the organisation and the visit's first day."),
      );
    const kind = framework.kinds.find((candidate) => candidate.id === part(data, "kind"));
    const grades = gradesOf(value) ?? {};
    const area = (one) =>
      h(
        "p",
        { key: one.id, style: { margin: "8px 0" } },
        h("label", { htmlFor: `${forID}-${one.id}`, style: { display: "block" } }, one.label),
        h(
          "select",
          {
            id: `${forID}-${one.id}`,
            value: grades[one.id] ?? "",
            onChange: (event) => onChange(gradesOf({ ...grades, [one.id]: event.target.value })),
          },
          h("option", { value: "" }, "Not given (not known)"),
          ...framework.outcomes.map((outcome) => h("option", { key: outcome.id, value: outcome.id }, outcome.label)),
        ),
      );
    return h(
      "div",
      { id: forID, className: classNameWrapper },
      kind && !kind.graded
        ? note(`A ${kind.label.toLowerCase()} is not graded: leave these empty.`)
        : note(`The areas of ${framework.label}, on the ${framework.scale}.`),
      ...framework.areas.map(area),
    );
  },
});

/**
 * The inspection's organisation, with `npm run cms` (src/authoring/editors/decap-config.ts):
 * a choice of the organisations published and those saved as drafts, asked of the content
 * manager's server each time the form opens, so that one saved a moment ago is offered.
 * A draft is said to be one: the inspection can be published only once it is.
 */
const OrganisationControl = createClass({
  getInitialState() {
    return { list: listOf(this.props.field.get("organisations")) };
  },
  componentDidMount() {
    const { field } = this.props;
    fetch(field.get("api"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ action: "organisations", params: { branch: field.get("branch") } }),
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((list) => {
        if (!Array.isArray(list)) return;
        for (const organisation of list) organisationsSeen.set(organisation.id, organisation);
        this.setState({ list });
      })
      .catch(() => undefined);
  },
  render() {
    const { forID, value, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const list = [...this.state.list];
    if (value && !list.some((organisation) => organisation.id === value))
      list.push({ id: value, name: value, draft: false });
    const chosen = list.find((organisation) => organisation.id === value);
    return h(
      "div",
      { className: classNameWrapper },
      h(
        "select",
        {
          id: forID,
          value: value ?? "",
          style: { maxWidth: "100%" },
          onChange: (event) => onChange(event.target.value || null),
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
        },
        h("option", { value: "" }, "Choose the organisation"),
        ...list.map((organisation) =>
          h(
            "option",
            { key: organisation.id, value: organisation.id },
            `${organisation.name}${organisation.draft ? " (draft, not published yet)" : ""}`,
          ),
        ),
      ),
      chosen?.draft
        ? note(
            `${chosen.name} is a draft: publish it (Workflow tab) before this inspection, which is not published until it is.`,
          )
        : null,
    );
  },
});

CMS.registerWidget("organisation", OrganisationControl, (props) => h("p", null, String(props.value ?? "")));
CMS.registerWidget("framework", FrameworkControl, (props) => h("p", null, String(props.value ?? "")));
CMS.registerWidget("inspection-kind", KindControl, (props) => h("p", null, String(props.value ?? "")));
CMS.registerWidget("judgements", JudgementsControl, (props) =>
  h(
    "p",
    null,
    Object.entries(gradesOf(props.value) ?? {})
      .map(([area, grade]) => `${area}: ${grade}`)
      .join(", "),
  ),
);

const preview = (show) => (props) => h("p", null, show(props.value));

CMS.registerWidget(
  "visit",
  VisitControl,
  preview((value) =>
    typeof value === "object" && value ? `${part(value, "start")} to ${part(value, "end")}` : format(value),
  ),
);
CMS.registerWidget("when", WhenControl, preview(format));
CMS.registerWidget("day", DayControl, preview(showDay));

CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => withoutEmpty(entry.get("data")),
});

/*
 * What `npm run check` found, beside each field. The content manager's server checks the
 * content as it would be before it publishes, saves to the branch or deletes
 * (src/authoring/editors/publish-check.ts), and a refusal carries check's problems one by one
 * ({ error, problems: [{ file, line, field, message }] }). Each is shown under its field's
 * label, in check's words, and the whole list at the top of the form, until the next
 * publish, save to the branch or delete of that entry is let through or refused again.
 */

/** Requests whose refusal is check's: the others fail as Decap says. */
const CHECKED_ACTIONS = new Set(["publishUnpublishedEntry", "persistEntry", "deleteFile", "deleteFiles"]);
/** The latest refusal, by the editor's page (its address after '#'). */
const refusals = new Map();
const routeNow = () => location.hash.split("?")[0];

function actionOf(body) {
  try {
    return JSON.parse(String(body));
  } catch {
    return {};
  }
}

/** The files the request writes, which are this entry's own: their problems go beside its fields. */
function ownFiles(request) {
  const params = request.params ?? {};
  const files = params.dataFiles ?? (params.entry ? [params.entry] : []);
  return files.flatMap((file) => [file.path, file.newPath]).filter(Boolean);
}

const fetchChecked = window.fetch.bind(window);
window.fetch = async (input, init = {}) => {
  const response = await fetchChecked(input, init);
  const request = actionOf(init.body);
  if (request.action === "unpublishedEntry" && response.ok) void noteDeletion(request.params ?? {}, response.clone());
  // A draft is work in progress, saved without the check: saved, it neither clears nor adds
  // problems; refused (a file of the editor's own not committed, a name against the naming rule), it says why.
  const draftSaved = request.action === "persistEntry" && request.params?.options?.useWorkflow !== false && response.ok;
  const checked = CHECKED_ACTIONS.has(request.action) && !draftSaved;
  if (!checked) return response;
  if (response.ok) refusals.delete(routeNow());
  else {
    const answer = await response
      .clone()
      .json()
      .catch(() => ({}));
    refusals.set(routeNow(), {
      error: typeof answer.error === "string" ? answer.error : `The content manager answered ${response.status}.`,
      summary: typeof answer.summary === "string" ? answer.summary : "",
      problems: Array.isArray(answer.problems) ? answer.problems : [],
      own: ownFiles(request),
    });
  }
  showProblems();
  return response;
};

/** The field's block in the form (label, errors, control, hint), for a path like `quotes[1].by`; the nearest one found. */
function fieldBlock(root, path) {
  let scope = root;
  let found = null;
  let index = 0;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (/^\d+$/.test(part)) {
      index = Number(part);
      continue;
    }
    const labels = scope.querySelectorAll(`label[for^="${CSS.escape(part)}-field-"]`);
    const label = labels[index] ?? labels[0];
    index = 0;
    if (!label) break;
    found = label.parentElement?.parentElement ?? found;
    scope = found ?? scope;
  }
  return found;
}

const RED = "#b00020";

function problemList(problems, withFiles) {
  const list = document.createElement("ul");
  list.setAttribute("data-check-problems", "");
  Object.assign(list.style, { color: RED, fontSize: "14px", margin: "4px 0", paddingLeft: "1.2em" });
  for (const problem of problems) {
    const item = document.createElement("li");
    item.textContent = withFiles
      ? `${problem.file}${problem.field ? `, ${problem.field}` : ""} (line ${problem.line}): ${problem.message}`
      : problem.message;
    list.append(item);
  }
  return list;
}

function isOwn(refusal, problem) {
  const slug = decodeURIComponent(routeNow().split("/entries/")[1] ?? "");
  return (
    refusal.own.includes(problem.file) || (slug !== "" && /^(.*)\.(md|ya?ml)$/.exec(problem.file)?.[1]?.endsWith(slug))
  );
}

/*
 * Deleting a published entry makes a draft that deletes its file (src/authoring/editors/local-backend.ts):
 * opened, the draft shows the entry as it is published, and this says what publishing it does.
 */
const deletions = new Set();

async function noteDeletion(params, response) {
  const key = params.id ?? `${params.collection}/${params.slug}`;
  const answer = await response.json().catch(() => ({}));
  const diffs = Array.isArray(answer.diffs) ? answer.diffs : [];
  if (diffs.length > 0 && diffs.every((diff) => diff.status === "deleted")) deletions.add(key);
  else deletions.delete(key);
  showProblems();
}

function deletionPanel() {
  const entry = /^#\/collections\/([^/]+)\/entries\/(.+)$/.exec(routeNow());
  if (!entry || !deletions.has(`${entry[1]}/${decodeURIComponent(entry[2])}`)) return null;
  const panel = document.createElement("p");
  panel.setAttribute("data-check-problems", "");
  panel.setAttribute("role", "note");
  Object.assign(panel.style, { border: `2px solid ${RED}`, padding: "8px 12px", margin: "16px 0", background: "#fff" });
  panel.textContent =
    "This draft deletes this entry: publishing it deletes its file from the site. To keep the entry, delete this draft instead (Delete unpublished entry).";
  return panel;
}

/** Puts the current entry's refusal into the form: the whole list at the top, each problem under its field. */
function showProblems() {
  for (const shown of document.querySelectorAll("[data-check-problems]")) shown.remove();
  const refusal = refusals.get(routeNow());
  const first = document.querySelector('label[for*="-field-"]');
  const root = first?.parentElement?.parentElement?.parentElement;
  relabel();
  const deleting = root ? deletionPanel() : null;
  if (deleting) root.prepend(deleting);
  if (!refusal || !root) return;
  const panel = document.createElement("div");
  panel.setAttribute("data-check-problems", "");
  panel.setAttribute("role", "alert");
  Object.assign(panel.style, { border: `2px solid ${RED}`, padding: "8px 12px", margin: "16px 0", background: "#fff" });
  const heading = document.createElement("p");
  heading.textContent =
    refusal.problems.length > 0
      ? `${refusal.summary} Each problem is listed here, and beside the field it is about.`
      : refusal.error;
  Object.assign(heading.style, { color: RED, fontWeight: "600", margin: "0 0 4px" });
  panel.append(heading, problemList(refusal.problems, true));
  root.prepend(panel);
  for (const problem of refusal.problems) {
    if (!isOwn(refusal, problem) || !problem.field) continue;
    const block = fieldBlock(root, problem.field);
    block?.firstElementChild?.after(problemList([problem], false));
  }
}

// Decap draws the form again as the editor types and moves between entries: the problems are put back each time.
let drawing = false;
new MutationObserver((mutations) => {
  const ours = (node) => node.nodeType === 1 && node.hasAttribute("data-check-problems");
  if (drawing || mutations.every((m) => [...m.addedNodes, ...m.removedNodes].every(ours))) return;
  drawing = true;
  requestAnimationFrame(() => {
    showProblems();
    drawing = false;
  });
}).observe(document.body, { childList: true, subtree: true });

/*
 * Decap's own words where they mislead (its English phrases, changed here only):
 * a required field is not the only reason a form is refused, a blank new form has no
 * "changes saved", and a refusal is shown in the form, not in a pop-up of 8 seconds.
 */
const english = CMS.getLocale("en");
if (english) {
  const toast = {
    ...english.ui.toast,
    missingRequiredField: "Not saved: some fields need attention. Each says what, in red, beside it.",
    onFailToPublishEntry: "Not published. What is wrong is shown in the form, at the top and beside each field.",
    onFailToPersist: "Not saved. What is wrong is shown in the form, at the top and beside each field.",
    onFailToDelete: "Not deleted. What is wrong is shown in the form, at the top.",
  };
  const editorToolbar = { ...english.editor.editorToolbar, changesSaved: "Nothing unsaved" };
  const editor = {
    ...english.editor.editor,
    onDeletePublishedEntry:
      "Delete this entry? This makes a draft that deletes it, in the Workflow tab: the file is deleted from the site when that draft is published.",
  };
  CMS.registerLocale("en", {
    ...english,
    ui: { ...english.ui, toast },
    editor: { ...english.editor, editorToolbar, editor },
  });
}

/*
 * Publishing in two steps: Save, then Publish (Publish now). A new draft is Ready
 * (local-backend.ts), and choosing "Publish now" is the editor's confirmation: Decap's
 * second question ("Are you sure you want to publish this entry?") is answered for them.
 * `npm run check` still runs before anything is published, and a refusal is shown in the form.
 */
const publishQuestion = english?.editor?.editor?.onPublishing;
const askFirst = window.confirm.bind(window);
window.confirm = (message) => (publishQuestion && message === publishQuestion ? true : askFirst(message));

/*
 * Labels Decap cannot be told: it marks every field that may be left empty "(optional)",
 * but an inspection's report is required once it is graded (npm run check refuses a graded
 * inspection without one).
 */
const RELABELS = { inspections: { report: "Report (required for a graded inspection)" } };

function relabel() {
  const collection = /^#\/collections\/([^/]+)\//.exec(routeNow())?.[1];
  for (const [name, text] of Object.entries(RELABELS[collection] ?? {})) {
    for (const label of document.querySelectorAll(`label[for^="${name}-field-"]`))
      if (label.textContent !== text) label.textContent = text;
  }
}
