#!/usr/bin/env bash
# Publishes a built site to Amazon S3, for CloudFront to serve (docs/publishing.md,
# "Amazon S3 and CloudFront"):
#
#   deploy/s3-sync.sh <site folder> s3://<bucket>[/<prefix>] [<CloudFront distribution id>]
#
# Needs the AWS CLI (v2), signed in. Every file gets its content type and cache headers,
# one kind of file at a time; files under the target that the site no longer has are
# deleted. CloudFront compresses only files of 1,000 to 10,000,000 bytes, so a text file
# over 10,000,000 bytes is uploaded gzipped, with `Content-Encoding: gzip`. Pagefind's files
# (already compressed by Pagefind, which unpacks them itself) and the `.csv.gz` downloads
# are sent as they are, with no Content-Encoding, so that no browser unpacks them.
# With a distribution id, CloudFront is told to forget what it cached of the target.
# test/publish/s3-sync.test.ts runs this with a stand-in for `aws` and reads what it sends.
set -euo pipefail

usage="Usage: deploy/s3-sync.sh <site folder> s3://<bucket>[/<prefix>] [<CloudFront distribution id>]"
site="${1:-}"
target="${2:-}"
distribution="${3:-}"
if [[ -z "$site" || -z "$target" ]]; then
  echo "$usage" >&2
  exit 2
fi
if [[ ! -f "$site/index.html" ]]; then
  echo "$site has no index.html: build the site first (npm run build), then publish _site." >&2
  exit 2
fi
if [[ "$target" != s3://?* ]]; then
  echo "The target must be an S3 address, like s3://my-bucket or s3://my-bucket/explainers (got: $target)." >&2
  echo "$usage" >&2
  exit 2
fi
target="${target%/}"

# Pages and data change with every build under the same address: five minutes. Pagefind's
# fragments, index and filters are named by a hash of what they hold: a year.
SHORT="public, max-age=300"
IMMUTABLE="public, max-age=31536000, immutable"
# CloudFront compresses what it is sent up to this many bytes.
COMPRESS_LIMIT=10000000

# pattern|content type|cache control. A file takes the first pattern it matches.
KINDS=(
  "*.html|text/html; charset=utf-8|$SHORT"
  "*feed.xml|application/atom+xml; charset=utf-8|$SHORT"
  "*.xml|application/xml; charset=utf-8|$SHORT"
  "*.json|application/json; charset=utf-8|$SHORT"
  "*.csv|text/csv; charset=utf-8|$SHORT"
  "*.csv.gz|application/gzip|$SHORT"
  "*.css|text/css; charset=utf-8|$SHORT"
  "*.js|text/javascript; charset=utf-8|$SHORT"
  "*.svg|image/svg+xml|$SHORT"
  "*.png|image/png|$SHORT"
  "*.webmanifest|application/manifest+json|$SHORT"
  "*.txt|text/plain; charset=utf-8|$SHORT"
  "*.yml|text/yaml; charset=utf-8|$SHORT"
  "*.wasm|application/wasm|$SHORT"
  "*.pf_fragment|application/octet-stream|$IMMUTABLE"
  "*.pf_index|application/octet-stream|$IMMUTABLE"
  "*.pf_filter|application/octet-stream|$IMMUTABLE"
  "*.pf_meta|application/octet-stream|$IMMUTABLE"
  "*.pagefind|application/octet-stream|$SHORT"
  "*|application/octet-stream|$SHORT"
)
# Read by Netlify and Cloudflare only: on CloudFront, a response headers policy sends them.
NEVER=("_headers")

# The kind of a file (its line in KINDS), by the same first match as the passes below.
kind_of() {
  local path="$1" kind
  for kind in "${KINDS[@]}"; do
    # shellcheck disable=SC2053 # the pattern is a glob on purpose
    if [[ "$path" == ${kind%%|*} ]]; then
      echo "$kind"
      return
    fi
  done
}

# Text files too big for CloudFront to compress: gzipped here, and sent with Content-Encoding.
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
large=()
while IFS= read -r -d '' file; do
  path="${file#"$site"/}"
  kind="$(kind_of "$path")"
  type="$(echo "$kind" | cut -d'|' -f2)"
  case "$type" in
  text/* | application/json* | application/xml* | application/atom+xml* | image/svg+xml | application/manifest+json) ;;
  *) continue ;;
  esac
  mkdir -p "$staging/$(dirname "$path")"
  gzip -9 -n -c "$file" >"$staging/$path"
  aws s3 cp "$staging/$path" "$target/$path" --content-type "$type" --content-encoding gzip \
    --cache-control "$(echo "$kind" | cut -d'|' -f3)" --only-show-errors
  large+=("$path")
done < <(find "$site" -type f -size +"$COMPRESS_LIMIT"c -print0)

# One pass a kind: what the pattern matches, less what an earlier pass (or the above) took.
taken=("${NEVER[@]}" "${large[@]}")
for kind in "${KINDS[@]}"; do
  IFS='|' read -r pattern type cache <<<"$kind"
  filters=(--exclude "*" --include "$pattern")
  for path in "${taken[@]}"; do filters+=(--exclude "$path"); done
  aws s3 sync "$site" "$target" "${filters[@]}" --content-type "$type" --cache-control "$cache" \
    --delete --only-show-errors
  taken+=("$pattern")
done

if [[ -n "$distribution" ]]; then
  prefix="${target#s3://*/}"
  [[ "$prefix" == "$target" ]] && prefix="" || prefix="$prefix/"
  aws cloudfront create-invalidation --distribution-id "$distribution" --paths "/${prefix}*" >/dev/null
fi
echo "Published $site to $target."
