/**
 * The published limits of the static hosts editors publish to: one table, read by the
 * build (`host` in site.yaml) and copied into docs/publishing.md. Each number says where it
 * was read and when; a host changes its limits, so the source is part of the data.
 *
 * "Entries" are files and folders together (GitLab counts both); a host that limits files
 * alone counts files. Sizes are in bytes: GitHub and GitLab say "1 GB", taken here as
 * 1,000,000,000 bytes (the smaller reading); Cloudflare says "25 MiB". GitHub Pages
 * deploys the site as one tar file, and its 1 GB is that file's size: a 512-byte header
 * for every file and folder and every file padded to 512 bytes, some 9% above the files'
 * bytes on a large site (src/publishing/budget.ts, `archiveBytes`).
 */

import type { HostId } from "../model/site-settings.ts";

/** A limit the output must stay within; absent where the host sets none that matters. */
export interface HostLimits {
  /** All files' bytes together. */
  totalBytes?: number;
  /** The site as the one tar archive the host deploys (src/publishing/budget.ts, `archiveBytes`): headers and padding counted. */
  archiveBytes?: number;
  /** How many files. */
  files?: number;
  /** How many files and folders together. */
  entries?: number;
  /** How many entries (files and folders) in any one folder. */
  entriesPerFolder?: number;
  /** The largest one file may be. */
  fileBytes?: number;
}

export interface Host {
  id: HostId;
  name: string;
  limits: HostLimits;
  /** Where each limit was read, and when. */
  sources: { limit: string; source: string; read: string }[];
  /** Anything a publisher should know that is not a refusal. */
  note?: string;
}

const GB = 1_000_000_000;
const MB = 1_000_000;
const MIB = 1024 * 1024;

export const HOSTS: Record<HostId, Host> = {
  "github-pages": {
    id: "github-pages",
    name: "GitHub Pages",
    limits: { archiveBytes: GB, fileBytes: 100 * MB },
    sources: [
      {
        limit: "published site at most 1 GB; deployments time out after 10 minutes",
        source: "https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits",
        read: "2026-12",
      },
      {
        limit:
          "what is deployed is one tar file of the site, which must be under 10 GB, and only under 1 GB is supported: the 1 GB is the tar's size, headers and padding included",
        source: "https://github.com/actions/upload-pages-artifact#artifact-validation",
        read: "2026-12",
      },
      {
        limit: "git refuses files over 100 MB (a site published from a branch); GitHub warns over 50 MB",
        source:
          "https://docs.github.com/en/repositories/working-with-files/managing-large-files/about-large-files-on-github",
        read: "2026-12",
      },
    ],
    note: "A deploy that takes over 10 minutes fails: fewer files deploy faster.",
  },
  "cloudflare-pages": {
    id: "cloudflare-pages",
    name: "Cloudflare Pages (free)",
    limits: { files: 20_000, fileBytes: 25 * MIB },
    sources: [
      {
        limit: "20,000 files a site on the free plan; 25 MiB a file",
        source: "https://developers.cloudflare.com/pages/platform/limits/",
        read: "2026-12",
      },
    ],
  },
  "cloudflare-pages-paid": {
    id: "cloudflare-pages-paid",
    name: "Cloudflare Pages (paid)",
    limits: { files: 100_000, fileBytes: 25 * MIB },
    sources: [
      {
        limit: "100,000 files a site on paid plans (with PAGES_WRANGLER_MAJOR_VERSION=4); 25 MiB a file",
        source: "https://developers.cloudflare.com/changelog/post/2026-01-23-pages-file-limit-increase/",
        read: "2026-12",
      },
    ],
  },
  netlify: {
    id: "netlify",
    name: "Netlify",
    limits: { entriesPerFolder: 54_000 },
    sources: [
      {
        limit: "54,000 entries in any one folder of a deploy; no total",
        source: "https://docs.netlify.com/deploy/deploy-overview/",
        read: "2026-12",
      },
    ],
  },
  "gitlab-pages": {
    id: "gitlab-pages",
    name: "GitLab Pages (gitlab.com)",
    limits: { entries: 200_000, totalBytes: GB },
    sources: [
      {
        limit: "200,000 entries (files, folders and links) and 1 GB a site on gitlab.com",
        source: "https://docs.gitlab.com/user/gitlab_com/#gitlab-pages",
        read: "2026-12",
      },
    ],
  },
  s3: {
    id: "s3",
    name: "Amazon S3 with CloudFront",
    limits: {},
    sources: [
      {
        limit: "no limit that matters to a site; CloudFront compresses only files of 1,000 bytes to 10,000,000 bytes",
        source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/ServingCompressedFiles.html",
        read: "2026-12",
      },
    ],
    note: "CloudFront serves files over 10,000,000 bytes uncompressed.",
  },
};

/** A host's id from site.yaml, or undefined for none. */
export function hostById(id: string | undefined): Host | undefined {
  return id === undefined ? undefined : HOSTS[id as HostId];
}
