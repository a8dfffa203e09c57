/**
 * Decap CMS, fitted to the content format (src/editors/decap-config.ts). Loaded by the
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
    if (!matches(field.get("day_pattern"), start) || !matches(field.get("day_pattern"), end)) {
      return { error: { message: "Give the first and the last day of the visit." } };
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
        h("input", {
          id: `${forID}-${name}`,
          type: "date",
          value: part(value, name) ?? "",
          onChange: (event) => this.change(name, event.target.value),
          ...events,
        }),
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

const preview = (show) => (props) => h("p", null, show(props.value));

CMS.registerWidget(
  "visit",
  VisitControl,
  preview((value) =>
    typeof value === "object" && value ? `${part(value, "start")} to ${part(value, "end")}` : format(value),
  ),
);
CMS.registerWidget("when", WhenControl, preview(format));

CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => withoutEmpty(entry.get("data")),
});

/*
 * What `npm run check` found, beside each field. The content manager's server checks the
 * content as it would be before it publishes, saves to the branch or deletes
 * (src/editors/publish-check.ts), and a refusal carries check's problems one by one
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
  const checked =
    CHECKED_ACTIONS.has(request.action) &&
    // A draft is work in progress, saved without the check: it neither clears nor adds problems.
    !(request.action === "persistEntry" && request.params?.options?.useWorkflow !== false);
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

/** Puts the current entry's refusal into the form: the whole list at the top, each problem under its field. */
function showProblems() {
  for (const shown of document.querySelectorAll("[data-check-problems]")) shown.remove();
  const refusal = refusals.get(routeNow());
  const first = document.querySelector('label[for*="-field-"]');
  const root = first?.parentElement?.parentElement?.parentElement;
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
  CMS.registerLocale("en", {
    ...english,
    ui: { ...english.ui, toast },
    editor: { ...english.editor, editorToolbar },
  });
}
