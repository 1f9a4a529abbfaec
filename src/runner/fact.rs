//! Facts and violations: the unit a verdict is made of.
//!
//! A case is a bundle of facts. Each check, each part of an expectation (the error type,
//! the HTTP status, the error body's shape, the content type) and each snapshot field
//! proves one or more catalogue items, and is judged at their level (ARCHITECTURE.md,
//! "Verdicts per fact"). A [`Fact`] is that attribution, fixed at start-up; a
//! [`Violation`] is a fact that did not hold on a target, with what was seen. The case's
//! outcome is computed from its violations ([`super::outcome::judge`]), never assigned to
//! the case as a whole.

use serde::Serialize;

use crate::spec::{Item, Level};

/// The catalogue items one fact proves, all of one level.
#[derive(Debug, Clone)]
pub struct Fact {
    pub items: Vec<&'static Item>,
    pub level: Level,
}

impl Fact {
    /// A fact proving `items`, which must share one level: a fact is judged at one level,
    /// so a MUST item and a SHOULD item cannot be proved by the same check.
    pub fn new(items: Vec<&'static Item>) -> Result<Fact, String> {
        let level = items
            .first()
            .map(|i| i.level)
            .ok_or("a fact must prove at least one item")?;
        if items.iter().any(|i| i.level != level) {
            let named: Vec<String> = items
                .iter()
                .map(|i| format!("{} {}", i.level, i.id))
                .collect();
            return Err(format!(
                "one fact would prove items of different levels ({}): say which item each check proves with `On(item, &[...])`, or what a step proves with `.proves(&[...])`",
                named.join(", ")
            ));
        }
        Ok(Fact { items, level })
    }

    /// The item ids.
    pub fn ids(&self) -> Vec<&'static str> {
        self.items.iter().map(|i| i.id).collect()
    }

    /// `MUST record/new#input.tags` or `SHOULD a, b`: how a difference names what it
    /// breaks.
    pub fn label(&self) -> String {
        format!("{} {}", self.level, self.ids().join(", "))
    }
}

/// A fact that did not hold.
#[derive(Debug, Clone)]
pub struct Violation {
    /// The step it was seen in (1-based); 0 before any step (setup).
    pub step: usize,
    pub fact: Fact,
    /// What was expected and what came instead.
    pub text: String,
}

impl Violation {
    pub fn new(step: usize, fact: &Fact, text: impl Into<String>) -> Violation {
        Violation {
            step,
            fact: fact.clone(),
            text: text.into(),
        }
    }

    /// One line for messages: `[MUST item] text`.
    pub fn line(&self) -> String {
        format!("[{}] {}", self.fact.label(), self.text)
    }

    pub fn report(&self) -> ViolationReport {
        ViolationReport {
            step: self.step,
            items: self.fact.ids().iter().map(|s| s.to_string()).collect(),
            level: self.fact.level.to_string(),
            text: self.text.clone(),
        }
    }
}

/// A violation as the JSON report holds it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ViolationReport {
    pub step: usize,
    pub items: Vec<String>,
    pub level: String,
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{ItemKind, Page};

    static PAGE: Page = Page {
        key: "p",
        title: "P",
        url: "https://example.org/p",
    };
    static MUST: Item = Item {
        id: "p#must",
        page: &PAGE,
        anchor: "",
        kind: ItemKind::Rule,
        level: Level::Must,
        text: "t",
    };
    static SHOULD: Item = Item {
        id: "p#should",
        level: Level::Should,
        ..MUST
    };

    #[test]
    fn a_fact_has_one_level() {
        let f = Fact::new(vec![&MUST]).unwrap();
        assert_eq!(f.level, Level::Must);
        assert_eq!(f.label(), "MUST p#must");
        let e = Fact::new(vec![&MUST, &SHOULD]).unwrap_err();
        assert!(
            e.contains("MUST p#must") && e.contains("SHOULD p#should"),
            "{e}"
        );
        assert!(Fact::new(Vec::new()).is_err());
        let v = Violation::new(2, &Fact::new(vec![&SHOULD]).unwrap(), "x");
        assert_eq!(v.line(), "[SHOULD p#should] x");
        assert_eq!(v.report().items, ["p#should"]);
    }
}
