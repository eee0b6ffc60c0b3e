#![no_main]
//! The customer edition's reading of internal markers, on any input: a body it accepts
//! (no errors) has no spelling of a marker left once what is internal is blanked, and keeps
//! every line in place. The first bytes also seed the generator of meetings with markers at
//! random places, whose internal words must all be blanked and public words all kept.

use dossier::{blank, generated, mark, marker_spellings, BodyOf};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(body) = std::str::from_utf8(bytes) {
        for of in [BodyOf::Meeting, BodyOf::Initiative] {
            let marking = mark(body, of);
            if marking.errors.is_empty() {
                let shown = blank(body, &marking.internal);
                assert_eq!(shown.len(), body.len());
                assert_eq!(shown.matches('\n').count(), body.matches('\n').count());
                let left = marker_spellings(&shown);
                assert!(left.is_empty(), "{body:?} keeps a marker at {left:?}");
            }
        }
    }
    let mut seed = bytes
        .iter()
        .take(8)
        .fold(0u64, |seed, byte| seed << 8 | u64::from(*byte));
    let (body, hidden, kept) = generated::body(&mut seed);
    let marking = mark(&body, BodyOf::Meeting);
    assert!(marking.errors.is_empty(), "{body}: {:?}", marking.errors);
    let shown = blank(&body, &marking.internal);
    for word in &hidden {
        assert!(!shown.contains(word.as_str()), "{word} shown: {body}");
    }
    for word in &kept {
        assert!(shown.contains(word.as_str()), "{word} lost: {body}");
    }
});
