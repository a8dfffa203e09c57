import { indexForSearch } from "./src/search-index.ts";
const t = Date.now();
const r = await indexForSearch(process.argv[2]!);
console.log(JSON.stringify(r), (Date.now() - t) / 1000, "s");
