// Printing (site.css, @media print): the page's footer says the address it was printed
// from (the page's own address, from the build). This adds the day it was printed, which
// only the reader's browser knows (the build never reads the clock), puts the address it
// was really printed from (a copy or a preview may live elsewhere), and gives every link
// in the page its full address to print after it. Without JavaScript the page prints the
// same, with the page's address, links' paths and no date.
const printed = () => {
  for (const slot of document.querySelectorAll("[data-printed-from]")) slot.textContent = location.href.split("#")[0];
  const day = new Date().toLocaleDateString(document.documentElement.lang || undefined, {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  for (const slot of document.querySelectorAll("[data-printed-on]")) slot.textContent = ` on ${day}`;
  for (const link of document.querySelectorAll("main a[href]")) {
    if (!link.getAttribute("href").startsWith("#")) link.setAttribute("data-print-href", link.href);
  }
};
addEventListener("beforeprint", printed);
// Browsers that print without beforeprint, and print previews, still match the print media.
const print = matchMedia("print");
print.addEventListener("change", (event) => event.matches && printed());
if (print.matches) printed();
