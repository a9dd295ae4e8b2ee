//! Addresses inside the address: files named by `?data=`, and the percent
//! codec the query is written in.

use super::{Notice, Parameter};

/// The file name a `?data=` address ends in (`budget.json` for
/// `https://example.org/a/budget.json?v=2`), or the whole address when it
/// ends in `/`.
pub fn data_file_name(url: &str) -> &str {
    url.split(['?', '#'])
        .next()
        .unwrap_or(url)
        .rsplit('/')
        .next()
        .filter(|name| !name.is_empty())
        .unwrap_or(url)
}

/// The host a `?data=` address names (`example.org`), or `None` for a path
/// on this site.
pub fn data_host(url: &str) -> Option<String> {
    if !crate::model::is_http_url(url) {
        return None;
    }
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    // Credentials before `@` are not part of where the file is.
    let host = authority.rsplit('@').next().unwrap_or(authority);
    Some(host.to_ascii_lowercase())
}

/// A `?data=` value as the browser's URL parser reads its slashes: in an
/// http(s) address a backslash is a slash (the URL standard), so
/// `/\evil.test/x.json` and `\\evil.test/x.json` both mean
/// `//evil.test/x.json`. The query and fragment are left as written.
pub fn as_the_browser_reads(url: &str) -> String {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let (path, rest) = url.split_at(end);
    format!("{}{rest}", path.replace('\\', "/"))
}

/// The other site a `?data=` value that is not an http(s) address names
/// anyway, as the browser reads it: `//evil.test/x.json` (or a backslash
/// form of it) is a file on `evil.test`, not a path on this site.
pub fn path_leaves_site(url: &str) -> Option<String> {
    if crate::model::is_http_url(url) {
        return None;
    }
    let read = as_the_browser_reads(url);
    let rest = read.strip_prefix("//")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = authority.rsplit('@').next().unwrap_or(authority);
    Some(host.to_ascii_lowercase())
}

/// Where a `?data=` value is fetched from, decided on what the browser
/// resolved it to (`resolved`: its address, and the other site's host when
/// it is not the page's origin; `None` when the browser could not read it).
/// A path on this site is fetched as written (the offline file finds the
/// files it carries by it); an http(s) address from where it points, named
/// by its host; a value that is not an http(s) address but reaches another
/// site is refused, as is one the browser cannot read.
pub fn data_fetch(
    value: &str,
    resolved: Option<(String, Option<String>)>,
) -> Result<(String, Option<String>), Notice> {
    match resolved {
        None => Err(Notice::unknown_value(Parameter::Data, value)),
        Some((_, Some(host))) if !crate::model::is_http_url(value) => Err(Notice::PathLeavesSite {
            value: value.to_owned(),
            host,
        }),
        Some((href, Some(host))) => Ok((href, Some(host))),
        Some((_, None)) => Ok((value.to_owned(), None)),
    }
}

/// Whether `?data=` may name this address: http(s), or a path on this site
/// (as the browser reads it: see [`as_the_browser_reads`]).
pub fn is_loadable_url(url: &str) -> bool {
    if url.is_empty()
        || url.len() > 2000
        || url.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        return false;
    }
    if crate::model::is_http_url(url) {
        return true;
    }
    // A relative path: no scheme (javascript:, data:, file:) and not protocol-relative.
    !as_the_browser_reads(url).starts_with("//") && !url.contains(':')
}

/// Encodes a value for the query: everything but unreserved characters and `/`.
pub(super) fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// Decodes `%XX` escapes and `+`; invalid escapes are kept as they are.
/// Says whether the bytes were not UTF-8 (then broken, replaced by U+FFFD).
pub(super) fn percent_decode(text: &str) -> (String, bool) {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(text) => (text, false),
        Err(error) => (String::from_utf8_lossy(error.as_bytes()).into_owned(), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::parse_query;

    #[test]
    fn a_data_value_is_fetched_where_the_browser_resolved_it_and_never_leaves_as_a_path() {
        let other = |href: &str, host: &str| Some((href.to_owned(), Some(host.to_owned())));
        assert_eq!(
            data_fetch(
                "egna/utkast.json",
                Some(("https://app.test/egna/utkast.json".into(), None))
            ),
            Ok(("egna/utkast.json".into(), None)),
            "a path on this site is fetched as written"
        );
        assert_eq!(
            data_fetch(
                "https://example.org/a.json",
                other("https://example.org/a.json", "example.org")
            ),
            Ok((
                "https://example.org/a.json".into(),
                Some("example.org".into())
            ))
        );
        assert_eq!(
            data_fetch(
                "/%09/evil.test/x.json",
                other("https://evil.test/x.json", "evil.test")
            ),
            Err(Notice::PathLeavesSite {
                value: "/%09/evil.test/x.json".into(),
                host: "evil.test".into()
            }),
            "whatever the core missed, the browser's reading decides"
        );
        assert_eq!(
            data_fetch("a.json", None),
            Err(Notice::unknown_value(Parameter::Data, "a.json"))
        );
    }
    #[test]
    fn only_web_and_relative_addresses_can_be_loaded() {
        let parsed = parse_query("data=javascript:alert(1)&data=file:///etc/passwd&data=//evil.example/x.json&data=ok.json");
        assert_eq!(parsed.state.data, ["ok.json"]);
        assert_eq!(parsed.notices.len(), 3);
        assert!(is_loadable_url("https://example.org/a.json"));
        assert!(!is_loadable_url("data:application/json,{}"));
    }

    #[test]
    fn a_data_address_names_its_file() {
        assert_eq!(
            data_file_name("https://example.org/a/budget.json?v=2#x"),
            "budget.json"
        );
        assert_eq!(data_file_name("egna/utkast.json"), "utkast.json");
        assert_eq!(
            data_file_name("https://example.org/"),
            "https://example.org/"
        );
    }

    #[test]
    fn a_data_address_names_its_host() {
        assert_eq!(
            data_host("https://User:pw@Example.org:8080/a.json?x=1").as_deref(),
            Some("example.org:8080")
        );
        assert_eq!(data_host("egna/utkast.json"), None);
    }
}
