//! Slugs and the checks that keep every path from content inside the output folder.

/// The longest slug, in bytes: a folder name must stay well under the 255 bytes file systems
/// allow, and an address stay readable.
pub(crate) const MAX_SLUG: usize = 120;

/// A URL- and file-name-safe slug: ASCII letters and digits separated by single hyphens.
/// Accents are folded (José → jose) so that ids stay typeable. A longer slug than
/// [`MAX_SLUG`] is cut at a hyphen and ends in a hash of the whole, so that two long headings
/// that start alike still get two addresses, the same ones on every build.
pub fn slugify(text: &str) -> String {
    let slug = full_slug(text);
    if slug.len() <= MAX_SLUG {
        return slug;
    }
    let hash = format!("{:08x}", stable_hash(slug.as_bytes()) as u32);
    let keep = MAX_SLUG - hash.len() - 1;
    let head = &slug[..keep];
    let head = head.rsplit_once('-').map_or(head, |(head, _)| head);
    format!("{head}-{hash}")
}

/// FNV-1a: the same value on every platform and Rust version, unlike std's hasher.
pub(crate) fn stable_hash(bytes: &[u8]) -> u64 {
    stable_hash_on(STABLE_HASH_START, bytes)
}

/// `stable_hash` of what was hashed into `hash` followed by `bytes`: a file hashed as it is
/// read, part by part, has the hash of its whole bytes.
pub(crate) fn stable_hash_on(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `stable_hash` of no bytes.
pub(crate) const STABLE_HASH_START: u64 = 0xcbf2_9ce4_8422_2325;

fn full_slug(text: &str) -> String {
    // An emoji or a pictograph is no word of the slug ("✍️ Notes" is "notes", not
    // "writing-hand-notes"); letters, digits and currency signs are folded as before, so
    // that no existing address changes.
    let pictograph = |c: char| matches!(u32::from(c), 0x2190..=0x2BFF | 0x1F000..=0x1FAFF | 0xFE00..=0xFE0F | 0x200D);
    let words: String = text
        .chars()
        .map(|c| if pictograph(c) { ' ' } else { c })
        .collect();
    let ascii = deunicode::deunicode(&words);
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Whether `segment` can be used as one folder name in the output: not empty, no separators,
/// no `.`/`..`, no control characters. Every slug and id from content passes through here
/// before it becomes part of a path.
pub fn is_safe_segment(segment: &str) -> bool {
    !segment.is_empty()
        && segment != "."
        && segment != ".."
        && !segment.contains("..")
        && !segment.starts_with('.')
        && segment.chars().all(|c| {
            !c.is_control() && !matches!(c, '/' | '\\' | ':' | '<' | '>' | '"' | '|' | '?' | '*')
        })
}

/// The relative prefix from a page at `url` (a site-relative folder like `meetings/x/`) back to
/// the site root: `""`, `../`, `../../`, ...
pub(crate) fn root_prefix(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

/// The slug of an account: names that differ in case, accents or punctuation are one account
/// (its page's address, and what `--account` names).
pub(crate) fn account_slug(name: &str) -> String {
    let slug = slugify(name);
    if slug.is_empty() {
        "account".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_taken_part_by_part_is_the_hash_of_the_whole() {
        let bytes = b"body { color: red }\n";
        let (head, tail) = bytes.split_at(7);
        assert_eq!(
            stable_hash_on(stable_hash_on(STABLE_HASH_START, head), tail),
            stable_hash(bytes)
        );
        assert_eq!(stable_hash(b""), STABLE_HASH_START);
    }

    #[test]
    fn slugs_fold_accents_and_punctuation() {
        assert_eq!(
            slugify("Proximus Package Deal Progress"),
            "proximus-package-deal-progress"
        );
        assert_eq!(slugify("José"), "jose");
        assert_eq!(slugify("Zoë"), "zoe");
        assert_eq!(
            slugify("  Data, AI, and Cloud -- Migration!  "),
            "data-ai-and-cloud-migration"
        );
        assert_eq!(slugify("../../etc"), "etc");
        assert_eq!(slugify("<>"), "");
        assert_eq!(slugify("✍️ Snelle notities"), "snelle-notities");
        assert_eq!(slugify("🚀 Launch & Co."), "launch-co");
        assert_eq!(slugify("Budget €40k"), "budget-eur40k");
        assert_eq!(slugify("Straße"), "strasse");
    }

    #[test]
    fn long_slugs_are_cut_and_stay_unique_and_stable() {
        let long = "word ".repeat(100);
        let a = slugify(&format!("{long} one"));
        let b = slugify(&format!("{long} two"));
        assert!(a.len() <= MAX_SLUG && b.len() <= MAX_SLUG, "{a}");
        assert_ne!(a, b);
        assert_eq!(a, slugify(&format!("{long} one")));
        assert_eq!(slugify(&a), a, "a cut slug is a slug");
        assert!(a.starts_with("word-word-"));
        let short = "a".repeat(MAX_SLUG);
        assert_eq!(slugify(&short), short);
    }

    #[test]
    fn unsafe_segments_are_refused() {
        for bad in ["", ".", "..", "a/b", "a\\b", "..x", ".hidden", "a\u{0}b"] {
            assert!(!is_safe_segment(bad), "{bad:?}");
        }
        assert!(is_safe_segment("2025-11-18-account-team"));
    }

    #[test]
    fn root_prefix_climbs_one_level_per_folder() {
        assert_eq!(root_prefix(""), "");
        assert_eq!(root_prefix("meetings/"), "../");
        assert_eq!(root_prefix("meetings/a/b/"), "../../../");
    }
}
