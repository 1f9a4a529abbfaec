//! The documented shape of an answer: which fields every conforming endpoint must answer,
//! each with the catalogue item that documents it.
//!
//! A snapshot holds only what every conforming endpoint must answer (ARCHITECTURE.md, "What
//! a case compares"). So before an answer is compared with its snapshot it is projected,
//! recursively, onto its [`Shape`]: documented fields stay, nested mappings and array
//! elements included; anything else is dropped and reported as a note, never a failure.
//! When the projected answer differs from the snapshot, each difference is attributed to
//! the field it sits in and judged at that field's item level, so a snapshot difference in
//! a field whose value is only a reading (`sponsored: false`) is a warning, not a failure.
//!
//! Shapes are `const` data beside the case tables (`cases/records.rs` defines the record
//! describe, `cases/search.rs` the search answer); [`ERROR`] is the error body every error
//! step is projected onto.

/// The shape of a JSON value.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// Compared whole: a scalar, or content that is the caller's own data (`details`).
    Value,
    /// A mapping of documented fields; other keys are dropped before comparing.
    Object(&'static [Field]),
    /// An array whose elements all have this shape.
    Array(&'static Shape),
    /// A mapping whose keys are data (project IDs, property keys): every key is kept, each
    /// value has this shape.
    Map(&'static Shape),
    /// Documented, but free: left out of the comparison without a note (the optional
    /// `details` of an error body).
    Free,
}

/// Attribute to the step's own items: what the step proves (its error type, its answer).
pub const STEP: &str = "$step";

/// One documented field of a mapping.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    /// The catalogue item that documents the field: a missing field, a field present that
    /// the snapshot does not hold, or a value of another form breaks it. [`STEP`] stands
    /// for the step's own items.
    pub item: &'static str,
    /// The item a different value breaks when the value is only a reading of silent
    /// documentation (`sponsored: false`); `None`: the same as `item`.
    pub value_item: Option<&'static str>,
    pub shape: Shape,
}

impl Field {
    /// A field compared whole.
    pub const fn new(name: &'static str, item: &'static str) -> Field {
        Field {
            name,
            item,
            value_item: None,
            shape: Shape::Value,
        }
    }

    /// The field's value has this shape.
    pub const fn of(mut self, shape: Shape) -> Field {
        self.shape = shape;
        self
    }

    /// Its value is only a reading, proved by `item` (usually SHOULD).
    pub const fn reading(mut self, item: &'static str) -> Field {
        self.value_item = Some(item);
        self
    }
}

/// The error body: `{"error": {"type", "message", "details"?}}` (protocols). The type is
/// what the error step proves; the message is checked non-empty and normalized away;
/// `details` is optional and free.
pub static ERROR: Shape =
    Shape::Object(&[
        Field::new("error", "protocols#error-body").of(Shape::Object(&[
            Field::new("type", STEP),
            Field::new("message", "protocols#error-body"),
            Field::new("details", "protocols#error-body").of(Shape::Free),
        ])),
    ]);

impl Shape {
    /// The field named `key` of an object shape.
    pub fn field(&self, key: &str) -> Option<&'static Field> {
        match self {
            Shape::Object(fields) => fields.iter().find(|f| f.name == key),
            _ => None,
        }
    }

    /// Every item the shape names, `STEP` excluded, depth first.
    pub fn items(&self, out: &mut Vec<&'static str>) {
        match self {
            Shape::Object(fields) => {
                for f in *fields {
                    if f.item != STEP {
                        out.push(f.item);
                    }
                    out.extend(f.value_item);
                    f.shape.items(out);
                }
            }
            Shape::Array(s) | Shape::Map(s) => s.items(out),
            Shape::Value | Shape::Free => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static INNER: Shape = Shape::Object(&[Field::new("user", "a#user")]);
    static OUTER: Shape = Shape::Object(&[
        Field::new("id", STEP),
        Field::new("sponsored", "a#sponsored").reading("a#not-sponsored"),
        Field::new("createdBy", "a#createdBy").of(INNER),
        Field::new("list", "a#list").of(Shape::Array(&INNER)),
    ]);

    #[test]
    fn items_are_listed_without_the_step_marker() {
        let mut items = Vec::new();
        OUTER.items(&mut items);
        assert_eq!(
            items,
            [
                "a#sponsored",
                "a#not-sponsored",
                "a#createdBy",
                "a#user",
                "a#list",
                "a#user"
            ]
        );
        assert_eq!(OUTER.field("createdBy").unwrap().item, "a#createdBy");
        assert!(OUTER.field("nope").is_none());
    }
}
