/**
 * The folder the tool itself is in: the repository in a fork, or
 * node_modules/inspection-explainers in a site that depends on the package. Its templates
 * (layouts/), stylesheets, fonts and Eleventy's configuration are read from here; the site's
 * own files (site.yaml, the content, the built site, the image cache) are in the folder the
 * command runs in, which in a fork is this same folder. docs/command-line.md.
 */
import { fileURLToPath } from "node:url";

export const PACKAGE_FOLDER = fileURLToPath(new URL("..", import.meta.url));
