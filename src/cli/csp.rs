//! A strict Content-Security-Policy for the built page. Trunk writes one inline
//! module script (the wasm loader) into `index.html`; instead of allowing inline
//! scripts, the policy names that script by its SHA-256 hash. Run by the Trunk
//! `post_build` hook (`newsline csp`), on the staged page.

use std::fmt;

use base64::Engine;
use sha2::{Digest, Sha256};

/// Why a page could not be given its policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CspError {
    /// No `<head>` to put the policy in.
    NoHead,
    /// A `<script>` that never closes, at this byte.
    UnclosedScript(usize),
    /// The page already carries a policy; a second one would only confuse.
    AlreadySecured,
}

impl fmt::Display for CspError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CspError::NoHead => write!(f, "the page has no <head>"),
            CspError::UnclosedScript(at) => write!(f, "byte {at}: a <script> that never closes"),
            CspError::AlreadySecured => write!(f, "the page already has a Content-Security-Policy"),
        }
    }
}

impl std::error::Error for CspError {}

/// The `'sha256-…'` sources of every inline script (one without `src`).
pub fn inline_script_hashes(html: &str) -> Result<Vec<String>, CspError> {
    let mut hashes = Vec::new();
    let mut rest = 0;
    while let Some(open) = html[rest..].find("<script").map(|i| rest + i) {
        let tag_end =
            html[open..].find('>').map(|i| open + i + 1).ok_or(CspError::UnclosedScript(open))?;
        let close = html[tag_end..]
            .find("</script>")
            .map(|i| tag_end + i)
            .ok_or(CspError::UnclosedScript(open))?;
        if !html[open..tag_end].contains(" src=") {
            let digest = Sha256::digest(&html.as_bytes()[tag_end..close]);
            hashes.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = close + "</script>".len();
    }
    Ok(hashes)
}

/// The policy: only the page's own files, wasm compilation, and the hashed inline scripts.
pub fn policy(script_hashes: &[String]) -> String {
    let mut scripts = vec!["'self'".to_string(), "'wasm-unsafe-eval'".to_string()];
    scripts.extend(script_hashes.iter().cloned());
    format!(
        "default-src 'none'; script-src {}; worker-src 'self'; style-src 'self'; img-src 'self'; \
         connect-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'none'; object-src 'none'",
        scripts.join(" ")
    )
}

/// The page with a `<meta http-equiv="Content-Security-Policy">` first in its head.
pub fn secure(html: &str) -> Result<String, CspError> {
    if html.contains("Content-Security-Policy") {
        return Err(CspError::AlreadySecured);
    }
    let hashes = inline_script_hashes(html)?;
    // After the charset declaration, which must come first, or else at the head's start.
    let head = html.find("<head>").ok_or(CspError::NoHead)? + "<head>".len();
    let head = html[head..]
        .find("<meta charset")
        .and_then(|m| html[head + m..].find('>').map(|end| head + m + end + 1))
        .unwrap_or(head);
    let meta = format!(
        "\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
        policy(&hashes)
    );
    Ok(format!("{}{meta}{}", &html[..head], &html[head..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed_and_nothing_is_unsafe() {
        let page = "<html><head><script type=\"module\">alert(1)</script><script src=\"a.js\"></script></head></html>";
        let secured = secure(page).unwrap();
        // sha256("alert(1)"), base64.
        assert!(
            secured.contains("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"),
            "{secured}"
        );
        assert!(!secured.contains("unsafe-inline") && !secured.contains("'unsafe-eval'"));
        assert!(secured.starts_with("<html><head>\n  <meta http-equiv=\"Content-Security-Policy\""));
        assert_eq!(inline_script_hashes(page).unwrap().len(), 1, "scripts with src are not hashed");
    }

    #[test]
    fn broken_pages_are_refused() {
        assert_eq!(secure("<html></html>"), Err(CspError::NoHead));
        assert_eq!(secure("<head><script>x"), Err(CspError::UnclosedScript(6)));
        let charset = secure("<head><meta charset=\"utf-8\" /><title>t</title></head>").unwrap();
        assert!(
            charset.starts_with("<head><meta charset=\"utf-8\" />\n  <meta http-equiv"),
            "{charset}"
        );
        let once = secure("<head></head>").unwrap();
        assert_eq!(secure(&once), Err(CspError::AlreadySecured));
    }
}
