//! People with their titles and roles, and organisations.
//!
//! Works over the whole text so that later short mentions (`General Sharif`,
//! `the minister`) link to the full name given earlier.

use crate::span::Span;
use crate::text::Text;

/// A role or title held by a person.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Role {
    /// The title, lowercase, without the organisation or country
    /// (`defence minister`, `chief of army staff`, `ceo`, `former senior diplomat`).
    pub title: String,
    /// Whose role it is, lowercase, when said (`russia`, `rostec`, `pakistan`).
    pub of: Option<String>,
    /// Where the role is stated.
    pub span: Span,
}

/// A person named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The fullest form of the name in the text (`Raheel Sharif`), without titles.
    pub name: String,
    /// Roles and titles, in order of first statement, without repeats.
    pub roles: Vec<Role>,
    /// Every mention (full or short) in order.
    pub mentions: Vec<Span>,
}

/// An organisation named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// The fullest form of the name (`Shanghai Cooperation Organization`).
    pub name: String,
    /// Short forms used in the text (`SCO`, `WSJ`).
    pub aliases: Vec<String>,
    /// Every mention in order.
    pub mentions: Vec<Span>,
}

/// Finds the people of `text`.
pub fn people(text: &Text) -> Vec<Person> {
    let _ = text;
    Vec::new()
}

/// Finds the organisations of `text`.
pub fn organisations(text: &Text) -> Vec<Organisation> {
    let _ = text;
    Vec::new()
}
