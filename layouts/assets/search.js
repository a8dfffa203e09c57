/**
 * Search, as an enhancement. Without this script the search forms lead to the
 * organisations A to Z (src/render/page-shell.ts, layouts/search.njk); with it they lead
 * to the search page, where it queries the Pagefind index the build writes to /pagefind/
 * (src/search-index.ts). https://pagefind.app/docs/api/ On a large site that index holds
 * the organisations' names only, and the text of every page is merged in when the reader
 * asks (https://pagefind.app/docs/multisite/), so that the first query stays small.
 *
 * It is a file of its own, never inline, so pages keep their strict Content-Security-Policy
 * (src/render/security-headers.ts). Results are built as DOM nodes with text, never from
 * HTML strings: Pagefind's excerpts are read in an inert document, and only their text and
 * <mark> highlights are copied.
 */

// The site's root, path prefix included: this file is <root>assets/search.js.
const siteRoot = new URL("../", import.meta.url);
const searchPage = new URL("search/", siteRoot);
const PAGE_SIZE = 10;

for (const form of document.querySelectorAll("form[data-search-form]")) form.setAttribute("action", searchPage.pathname);

const list = document.querySelector("[data-search-results]");
if (list) startSearchPage(list);

/**
 * What the first bundle lists beside it (src/search-index.ts): on a large site, that it is
 * the index of organisations' names, and the bundles of every page's text.
 */
async function listedParts() {
  const listed = await fetch(new URL("pagefind/parts.json", siteRoot)).then((response) => (response.ok ? response.json() : []));
  if (Array.isArray(listed)) return { names: false, parts: listed };
  return { names: listed?.names === true, parts: Array.isArray(listed?.parts) ? listed.parts : [] };
}

/** Merges the other bundles into the first, each with the site's root: a merged index takes none of its options. */
async function mergeParts(pagefind, parts) {
  for (const part of parts) await pagefind.mergeIndex(new URL(part, siteRoot).pathname, { baseUrl: siteRoot.pathname });
}

async function startSearchPage(list) {
  const form = document.querySelector("form[data-search-form]");
  const input = form.querySelector("input[name='q']");
  const status = document.querySelector("[data-search-status]");
  const more = document.querySelector("[data-search-text]");
  let pagefind;
  let listed;
  try {
    pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
    await pagefind.options({ baseUrl: siteRoot.pathname });
    await pagefind.init();
    listed = await listedParts();
  } catch {
    // A build with --no-search, or a preview whose index could not be built: no index was written.
    status.textContent = "Search is not available on this copy of the site. The lists below reach every page.";
    return;
  }
  const address = new URLSearchParams(location.search);
  if (address.has("q")) input.value = address.get("q");
  // A site in parts: its text is merged at once, unless the first is the index of names,
  // searched alone (without filters, which narrow the text) until the reader asks for the
  // text of every page, a larger download, or comes with a filter in the address.
  let namesOnly = listed.names && [...address.keys()].every((key) => key === "q");
  if (!namesOnly) await mergeParts(pagefind, listed.parts);
  const box = document.querySelector("[data-search-filters]");
  let selects = [];
  const showFilters = async () => {
    selects = filterSelects(await pagefind.filters(), address);
    box.replaceChildren(...selects.map((select) => select.closest(".search-filter")));
    for (const select of selects) select.addEventListener("change", () => run(false));
  };
  if (!namesOnly) await showFilters();

  let latest = 0;
  const run = async (debounce) => {
    const query = input.value.trim();
    const filters = Object.fromEntries(selects.filter((select) => select.value).map((select) => [select.name, select.value]));
    const shown = new URLSearchParams({ ...(query ? { q: query } : {}), ...filters }).toString();
    history.replaceState(null, "", `${searchPage.pathname}${shown ? `?${shown}` : ""}`);
    const mine = ++latest;
    if (!shown) {
      list.replaceChildren();
      status.textContent = "";
      more.classList.remove("shown");
      return;
    }
    const search = debounce ? await pagefind.debouncedSearch(query || null, { filters }, 250) : await pagefind.search(query || null, { filters });
    if (search === null || mine !== latest) return;
    list.replaceChildren();
    await showMore(search.results, 0, list, () => mine === latest);
    if (mine !== latest) return;
    // Told once the results are on the page, so a screen reader hears it when they are there to read.
    const described = [query ? `for “${query}”` : "", ...Object.values(filters).map((value) => `in ${value}`)].filter(Boolean).join(" ");
    const count = search.results.length;
    if (namesOnly) {
      const named = [query ? `whose name matches “${query}”` : "", ...Object.values(filters).map((value) => `in ${value}`)].filter(Boolean).join(" ");
      status.textContent = count
        ? `${count} organisation${count === 1 ? "" : "s"} ${named}.`
        : `No organisation ${named}. Search the text of every page, or browse the organisations A to Z.`;
    } else
      status.textContent = count ? `${count} result${count === 1 ? "" : "s"} ${described}.` : `No results ${described}. Try the name of a council or service, or browse the organisations A to Z.`;
    more.classList.toggle("shown", namesOnly);
  };

  more.querySelector("button").addEventListener("click", async () => {
    more.classList.remove("shown");
    namesOnly = false;
    status.textContent = "Loading the text of every page…";
    await mergeParts(pagefind, listed.parts);
    await showFilters();
    await run(false);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(false);
  });
  input.addEventListener("input", () => run(true));
  // Only now, with the form handled here: until then a submitted form loads the search page with the query.
  document.querySelector("[data-search-fallback]").hidden = true;
  // A query from the address, or one typed while Pagefind was loading.
  if (input.value.trim() || selects.some((select) => select.value)) run(false);
}

/** One labelled <select> per filter Pagefind knows, "any" first, then each value with its count. */
function filterSelects(available, address) {
  return Object.entries(available).map(([name, values]) => {
    const wrapper = document.createElement("div");
    wrapper.className = "search-filter";
    const label = document.createElement("label");
    label.htmlFor = `search-filter-${name}`;
    label.textContent = name.charAt(0).toUpperCase() + name.slice(1);
    const select = document.createElement("select");
    select.id = label.htmlFor;
    select.name = name;
    select.append(new Option("Any", ""));
    for (const [value, count] of Object.entries(values).sort(([a], [b]) => a.localeCompare(b))) select.append(new Option(`${value} (${count})`, value));
    select.value = address.get(name) ?? "";
    wrapper.append(label, select);
    return select;
  });
}

/** Loads and lists the next page of results, then offers a button for the page after. */
async function showMore(results, from, list, stillWanted) {
  const page = await Promise.all(results.slice(from, from + PAGE_SIZE).map((result) => result.data()));
  if (!stillWanted()) return;
  list.querySelector(".search-more")?.remove();
  list.append(...page.map(resultItem));
  if (results.length > from + PAGE_SIZE) {
    const item = document.createElement("li");
    item.className = "search-more";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Show more results";
    button.addEventListener("click", async () => {
      await showMore(results, from + PAGE_SIZE, list, stillWanted);
      list.children[from + PAGE_SIZE]?.querySelector("a")?.focus();
    });
    item.append(button);
    list.append(item);
  }
}

function resultItem(data) {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta?.title ?? data.url;
  heading.append(link);
  const excerpt = document.createElement("p");
  excerpt.append(...excerptNodes(data.excerpt ?? ""));
  item.append(heading, excerpt);
  return item;
}

/** Pagefind's excerpt is escaped HTML with <mark> around the words found; keep just that. */
function excerptNodes(excerpt) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body.firstElementChild;
  return Array.from(parsed?.childNodes ?? [], (node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent ?? "");
    const mark = document.createElement("mark");
    mark.textContent = node.textContent ?? "";
    return mark;
  });
}
