//! The singular of an English plural, for the type of an array's items: `mtlsEndpointAliases`
//! holds `MtlsEndpointAlias`es. The rules are those of the common English inflectors, applied
//! to the last word of a PascalCase name: irregular words first, then suffix rules, and a word
//! already singular in form (ending in `ss`, `us`, `is`, `os`) is left as it is, as is any
//! word no rule knows: a plural kept is better than a wrong singular.

/// Irregular and Latin plurals, by their whole (lower-case) last word.
const IRREGULAR: &[(&str, &str)] = &[
    ("people", "person"),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("geese", "goose"),
    ("mice", "mouse"),
    ("data", "datum"),
    ("metadata", "metadatum"),
    ("media", "medium"),
    ("criteria", "criterion"),
    ("phenomena", "phenomenon"),
    ("indices", "index"),
    ("vertices", "vertex"),
    ("matrices", "matrix"),
    ("appendices", "appendix"),
    ("analyses", "analysis"),
    ("crises", "crisis"),
    ("theses", "thesis"),
    ("axes", "axis"),
    ("leaves", "leaf"),
    ("knives", "knife"),
    ("lives", "life"),
    ("wives", "wife"),
    ("halves", "half"),
    ("shelves", "shelf"),
    ("wolves", "wolf"),
    ("quizzes", "quiz"),
    ("movies", "movie"),
    ("cookies", "cookie"),
    ("species", "species"),
    ("series", "series"),
    ("news", "news"),
];

/// Singular words ending in `s` whose plural adds `es`: `aliases` → `alias`.
const S_WORDS: &[&str] = &[
    "alias", "status", "bias", "bus", "bonus", "campus", "virus", "census", "canvas", "atlas",
    "gas", "lens", "plus", "minus", "corpus", "prefix", "suffix",
];

/// Singular of the last word of a PascalCase name: `ServiceAttributes` → `ServiceAttribute`,
/// `Metadata` → `Metadatum`, `MtlsEndpointAliases` → `MtlsEndpointAlias`; `LogoUris` stays.
pub fn singular(pascal: &str) -> String {
    let last_start = pascal
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_ascii_uppercase())
        .map_or(0, |(i, _)| i);
    let (head, last) = pascal.split_at(last_start);
    match singular_word(&last.to_ascii_lowercase()) {
        Some(single) => format!("{head}{}", recase(last, &single)),
        None => pascal.to_owned(),
    }
}

/// The singular of a lower-case word, `None` when it is not a plural the rules know.
fn singular_word(word: &str) -> Option<String> {
    if let Some((_, single)) = IRREGULAR.iter().find(|(plural, _)| *plural == word) {
        return Some((*single).to_owned());
    }
    if let Some(stem) = word.strip_suffix("es") {
        if S_WORDS.contains(&stem) {
            return Some(stem.to_owned());
        }
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 1) {
        return Some(format!("{stem}y"));
    }
    if ["sses", "xes", "ches", "shes", "zzes"]
        .iter()
        .any(|suffix| word.ends_with(suffix))
    {
        return Some(word[..word.len() - 2].to_owned());
    }
    let singular_in_form = ["ss", "us", "is", "os"].iter().any(|s| word.ends_with(s));
    if word.ends_with('s') && !singular_in_form && word.len() > 2 {
        return Some(word[..word.len() - 1].to_owned());
    }
    None
}

/// `single` with the capitals of `original` where they line up (the first letter, in a
/// PascalCase word).
fn recase(original: &str, single: &str) -> String {
    let mut out = String::with_capacity(single.len());
    let mut originals = original.chars();
    for c in single.chars() {
        match originals.next() {
            Some(o) if o.is_ascii_uppercase() => out.push(c.to_ascii_uppercase()),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::singular;

    #[test]
    fn plurals_become_singular_by_the_english_rules() {
        let table = [
            ("ServiceAttributes", "ServiceAttribute"),
            ("Elements", "Element"),
            ("Properties", "Property"),
            ("Addresses", "Address"),
            ("Boxes", "Box"),
            ("Branches", "Branch"),
            ("MtlsEndpointAliases", "MtlsEndpointAlias"),
            ("Statuses", "Status"),
            ("Metadata", "Metadatum"),
            ("Data", "Datum"),
            ("Children", "Child"),
            ("Indices", "Index"),
            ("Leaves", "Leaf"),
            ("Cookies", "Cookie"),
            ("Cases", "Case"),
            ("Responses", "Response"),
            ("AuthorizationDetails", "AuthorizationDetail"),
            // Singular in form, or unknown: kept.
            ("LogoUris", "LogoUris"),
            ("Status", "Status"),
            ("Class", "Class"),
            ("Series", "Series"),
            ("Is", "Is"),
            ("Info", "Info"),
            ("", ""),
        ];
        for (plural, single) in table {
            assert_eq!(singular(plural), single, "singular({plural:?})");
        }
    }
}
