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
