//! Entity IDs: generating them from the documented alphabet, parsing them from input.
//!
//! New IDs use the 32-character alphabet of the entity-ID page; IDs read from requests
//! are only checked for the shape `class-[0-9A-Za-z]{24}`, as dxpy does and as the real
//! server was observed to do (spec §4), so that IDs made by other tools are accepted.

/// The documented alphabet: digits and consonants without lookalikes.
pub const ALPHABET: &[u8; 32] = b"0123456789BFGJKPQVXYZbfgjkpqvxyz";

/// Length of the part after `class-`.
pub const ID_LEN: usize = 24;

/// Data-object classes: IDs of these are looked up in the object table.
pub const DATA_CLASSES: &[&str] = &["record", "file", "applet", "workflow", "database"];

/// Data-container classes.
pub const CONTAINER_CLASSES: &[&str] = &["project", "container"];

/// A fresh random ID of `class` drawn from `alphabet` (the rules give [`ALPHABET`]).
/// Uniqueness is the store's business (it retries on the astronomically unlikely
/// collision).
pub fn generate(class: &str, alphabet: &[u8]) -> String {
    let mut id = String::with_capacity(class.len() + 1 + ID_LEN);
    id.push_str(class);
    id.push('-');
    for _ in 0..ID_LEN {
        id.push(alphabet[fastrand::usize(..alphabet.len())] as char);
    }
    id
}

/// The class of a well-formed ID (`^[a-z]+-[0-9A-Za-z]{24}$`), or `None` when malformed.
pub fn class_of(id: &str) -> Option<&str> {
    let (class, rest) = id.split_once('-')?;
    let class_ok = !class.is_empty() && class.bytes().all(|b| b.is_ascii_lowercase());
    let rest_ok = rest.len() == ID_LEN && rest.bytes().all(|b| b.is_ascii_alphanumeric());
    (class_ok && rest_ok).then_some(class)
}

/// Whether `id` is a well-formed ID of `class`.
pub fn is_id_of(id: &str, class: &str) -> bool {
    class_of(id) == Some(class)
}

/// Whether a class names a data container.
pub fn is_container_class(class: &str) -> bool {
    CONTAINER_CLASSES.contains(&class)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_use_the_alphabet_and_parse() {
        for _ in 0..100 {
            let id = generate("record", ALPHABET);
            assert_eq!(id.len(), "record-".len() + 24);
            assert!(id[7..].bytes().all(|b| ALPHABET.contains(&b)));
            assert_eq!(class_of(&id), Some("record"));
        }
    }

    #[test]
    fn parsing_checks_only_the_shape() {
        assert_eq!(class_of("applet-abcdefghijklmnopqrstuzwx"), Some("applet"));
        assert_eq!(class_of("record-abc"), None);
        assert_eq!(class_of("None"), None);
        assert_eq!(class_of("-aaaaaaaaaaaaaaaaaaaaaaaa"), None);
        assert_eq!(class_of("Record-aaaaaaaaaaaaaaaaaaaaaaaa"), None);
        assert_eq!(class_of("project-ééééééééééééé"), None);
        assert_eq!(class_of("project-aaaaaaaaaaaaaaaaaaaaaaaaa"), None);
        assert!(is_id_of("project-000000000000000000000000", "project"));
        assert!(!is_id_of("project-000000000000000000000000", "record"));
    }
}
