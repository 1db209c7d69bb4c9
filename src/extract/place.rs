//! Places: countries, regions and cities from a shipped gazetteer.

use std::ops::Range;

/// What sort of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PlaceKind {
    /// A sovereign country.
    Country,
    /// A state, province or region.
    Region,
    /// A city or town.
    City,
}

/// A place as the gazetteer knows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PlaceInfo {
    /// Canonical name (`Rawalpindi`, `United States`).
    pub name: String,
    /// What sort of place.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of its country (`PK`).
    pub country: String,
}

/// One place mention in a string.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// Byte range of the name as written.
    pub span: Range<usize>,
    /// The place.
    pub place: PlaceInfo,
}

/// Finds place names in `text`.
pub fn find_places(text: &str) -> Vec<PlaceMention> {
    let _ = text;
    Vec::new()
}

/// Looks up a place by name (any known alias, case-insensitive).
pub fn lookup_place(name: &str) -> Option<PlaceInfo> {
    let _ = name;
    None
}

/// The country a demonym or adjective names (`Russian` → Russia).
pub fn country_of_demonym(word: &str) -> Option<PlaceInfo> {
    let _ = word;
    None
}
