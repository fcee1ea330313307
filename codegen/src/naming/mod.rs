//! Every Rust identifier the generator emits is built here, from a name found in the spec.
//!
//! The rules are the ones a reader of Speakeasy-style SDKs expects: PascalCase types and enum
//! variants, snake_case fields, words split at separators and at case changes, acronyms folded
//! (`HTTPServer` → `HttpServer`). Whatever the input, the result is a valid, warning-free Rust
//! identifier; the original spelling is kept elsewhere for serde.
//!
//! [`bases`] holds the rules that compose a name base from where a type stands (an operation
//! without an operationId, a variant per content type, a request, a response body by its
//! status, a union's alternative, a response's headers, an array's items, a map's values, a
//! place known only by its pointer); lowering calls them with the data it found and writes no
//! name of its own. Making the bases unique is the type-name pass's (`passes::type_names`).

use indexmap::IndexSet;

/// Splits a spec name into lower-case words.
///
/// Separators are any non-alphanumeric ASCII character; a new word starts at a lower→upper change
/// and before the last capital of an acronym followed by lower case. Digits stay in their word
/// (`int32`, `oauth2Token` → `oauth2`, `token`), as common case-conversion libraries do. A
/// non-ASCII character becomes a word of its own, spelled as `x` and its hex code point, so names
/// that differ only in such characters stay distinct and the identifier stays ASCII.
pub fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(name, |word| out.push(word.to_owned()));
    out
}

/// Calls `f` on each word of [`words`], without allocating a string per word: naming runs
/// for every type, field and variant of a spec.
fn for_each_word(name: &str, mut f: impl FnMut(&str)) {
    let mut current = String::new();
    let mut flush = |current: &mut String| {
        if !current.is_empty() {
            f(current);
            current.clear();
        }
    };
    let mut chars = name.chars().peekable();
    let mut prev = '\0';
    while let Some(c) = chars.next() {
        if !c.is_ascii() {
            flush(&mut current);
            if c.is_alphanumeric() {
                current.push_str(&format!("x{:x}", c as u32));
                flush(&mut current);
            }
        } else if !c.is_ascii_alphanumeric() {
            flush(&mut current);
        } else {
            if c.is_ascii_uppercase() && !current.is_empty() {
                let next_is_lower = chars.peek().is_some_and(|n| n.is_ascii_lowercase());
                let boundary = prev.is_ascii_lowercase()
                    || prev.is_ascii_digit()
                    || (prev.is_ascii_uppercase() && next_is_lower);
                if boundary {
                    flush(&mut current);
                }
            }
            current.push(c.to_ascii_lowercase());
        }
        prev = c;
    }
    flush(&mut current);
}

/// `backchannel_authentication_api` → `BackchannelAuthenticationApi`; may be empty or start
/// with a digit: use [`type_name`] or [`variant_name`] for an identifier.
pub fn pascal_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for_each_word(name, |word| {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.push_str(chars.as_str());
        }
    });
    out
}

/// `clientIdAlias` → `client_id_alias`; may be empty or start with a digit: use
/// [`field_name`] for an identifier.
pub fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 8);
    for_each_word(name, |word| {
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(word);
    });
    out
}

/// The name a component's key gives its type, as the seed's generator names them: the key as
/// written where it is already a type name (an ASCII capital, then ASCII letters and digits:
/// `RotatePDFRequest` stays), else its PascalCase (`rotate_pdf` → `RotatePdf`).
pub fn component_name(key: &str) -> String {
    if is_type_name(key) {
        key.to_owned()
    } else {
        pascal_case(key)
    }
}

/// A type name: PascalCase, never empty, never starting with a digit, never a keyword. A name
/// composed of parts that are type names already (a component's key kept as written, then
/// PascalCase words) stays as it is, acronyms included.
pub fn type_name(name: &str) -> String {
    if is_type_name(name) {
        return name.to_owned();
    }
    pascalish(name, "Type")
}

/// An ASCII capital, then ASCII letters and digits, and not `Self`.
fn is_type_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
        && name != "Self"
}

/// An enum variant name, by the same rules as a type name.
pub fn variant_name(value: &str) -> String {
    pascalish(value, "Value")
}

fn pascalish(name: &str, prefix: &str) -> String {
    let pascal = pascal_case(name);
    if pascal.is_empty() {
        return format!("{prefix}Empty");
    }
    if pascal.starts_with(|c: char| c.is_ascii_digit()) || pascal == "Self" {
        return format!("{prefix}{pascal}");
    }
    pascal
}

/// A struct field or module name: snake_case, never empty, never starting with a digit.
/// Keywords stay as they are and are emitted as raw identifiers (see [`needs_raw`]), except the
/// four that cannot be raw, which get a trailing underscore.
pub fn field_name(name: &str) -> String {
    let snake = snake_case(name);
    if snake.is_empty() {
        return "field".to_owned();
    }
    if snake.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("_{snake}");
    }
    if NOT_RAW.contains(&snake.as_str()) {
        return format!("{snake}_");
    }
    snake
}

/// The field name of `name` with its operator and sigil characters spelled as words
/// (`StartTime<` → `start_time_lt`, `$ref` → `dollar_ref`), for a name whose plain field name
/// another property already has; `None` where the name has no such character.
pub fn spelled_field_name(name: &str) -> Option<String> {
    const WORDS: &[(&str, &str)] = &[
        ("<=", "le"),
        (">=", "ge"),
        ("!=", "ne"),
        ("<", "lt"),
        (">", "gt"),
        ("=", "eq"),
        ("!", "not"),
        ("@", "at"),
        ("$", "dollar"),
        ("+", "plus"),
        ("~", "tilde"),
        ("*", "star"),
        ("%", "percent"),
        ("&", "and"),
        ("|", "or"),
        ("#", "hash"),
    ];
    let mut spelled = String::with_capacity(name.len() + 8);
    let mut rest = name;
    let mut changed = false;
    'outer: while let Some(c) = rest.chars().next() {
        for (symbol, word) in WORDS {
            if let Some(after) = rest.strip_prefix(symbol) {
                spelled.push(' ');
                spelled.push_str(word);
                spelled.push(' ');
                rest = after;
                changed = true;
                continue 'outer;
            }
        }
        spelled.push(c);
        rest = &rest[c.len_utf8()..];
    }
    changed.then(|| field_name(&spelled))
}

/// Whether an identifier that naming produced must be written as `r#name`.
pub fn needs_raw(ident: &str) -> bool {
    KEYWORDS.contains(&ident)
}

/// A file stem for a module holding a type: the snake_case of the type name, kept clear of
/// keywords, of the names Rust gives special meaning to in a module tree, and of file names that
/// some operating systems reserve.
pub fn module_name(type_name: &str) -> String {
    let snake = snake_case(type_name);
    let reserved = KEYWORDS.contains(&snake.as_str())
        || NOT_RAW.contains(&snake.as_str())
        || RESERVED_STEMS.contains(&snake.as_str());
    if reserved {
        format!("{snake}_")
    } else {
        fit_file_stem(snake)
    }
}

/// The variant of a `{Variant}Response` for a documented status: the status's reason phrase
/// where it has a well-known one (`Ok`, `NotFound`), else `Status{code}`; a range is
/// `Status4Xx`, and `default` is `Default`.
pub fn status_variant(status: crate::ir::StatusKey) -> String {
    use crate::ir::StatusKey;
    let code = match status {
        StatusKey::Code(code) => code,
        StatusKey::Range(digit) => return format!("Status{digit}Xx"),
        StatusKey::Default => return "Default".to_owned(),
    };
    let phrase = match code {
        100 => "Continue",
        101 => "SwitchingProtocols",
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        203 => "NonAuthoritativeInformation",
        204 => "NoContent",
        205 => "ResetContent",
        206 => "PartialContent",
        207 => "MultiStatus",
        300 => "MultipleChoices",
        301 => "MovedPermanently",
        302 => "Found",
        303 => "SeeOther",
        304 => "NotModified",
        307 => "TemporaryRedirect",
        308 => "PermanentRedirect",
        400 => "BadRequest",
        401 => "Unauthorized",
        402 => "PaymentRequired",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        407 => "ProxyAuthenticationRequired",
        408 => "RequestTimeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "LengthRequired",
        412 => "PreconditionFailed",
        413 => "ContentTooLarge",
        414 => "UriTooLong",
        415 => "UnsupportedMediaType",
        416 => "RangeNotSatisfiable",
        417 => "ExpectationFailed",
        421 => "MisdirectedRequest",
        422 => "UnprocessableEntity",
        423 => "Locked",
        424 => "FailedDependency",
        425 => "TooEarly",
        426 => "UpgradeRequired",
        428 => "PreconditionRequired",
        429 => "TooManyRequests",
        431 => "RequestHeaderFieldsTooLarge",
        451 => "UnavailableForLegalReasons",
        500 => "InternalServerError",
        501 => "NotImplemented",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        505 => "HttpVersionNotSupported",
        507 => "InsufficientStorage",
        508 => "LoopDetected",
        511 => "NetworkAuthenticationRequired",
        _ => return format!("Status{code}"),
    };
    phrase.to_owned()
}

/// The file stem of a type's model page (`docs/models/<module>/<stem>.md`): the type name as
/// it is, as the seed's pages are named; a name Windows reserves (in any case) gets a `_`, and
/// one past [`MAX_STEM_BYTES`] is shortened as module stems are.
pub fn page_stem(type_name: &str) -> String {
    if RESERVED_STEMS[MODULE_TREE_STEMS..].contains(&type_name.to_ascii_lowercase().as_str()) {
        format!("{type_name}_")
    } else {
        fit_file_stem(type_name.to_owned())
    }
}

/// The longest module name kept whole. A module is a file `<name>.rs`, written through a
/// temporary `.<name>.rs.<pid>.tmp` beside it, and file systems allow 255 bytes a name; this
/// leaves room for both with a margin.
pub const MAX_STEM_BYTES: usize = 200;

/// A stem longer than [`MAX_STEM_BYTES`] becomes a readable prefix, `_`, and 16 hex digits of
/// a hash of the whole stem: deterministic, and distinct for distinct stems in practice (the
/// names pass has made the full names distinct already).
fn fit_file_stem(stem: String) -> String {
    if stem.len() <= MAX_STEM_BYTES {
        return stem;
    }
    let hash = format!("{:016x}", fnv1a_64(stem.as_bytes()));
    let mut cut = MAX_STEM_BYTES - hash.len() - 1;
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    let prefix = stem[..cut].trim_end_matches('_');
    format!("{prefix}_{hash}")
}

/// FNV-1a, 64 bits: small, fixed by its definition, the same on every platform and release
/// (the standard library's hasher promises neither), so file names do not churn.
fn fnv1a_64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

pub mod bases;
mod singular;
pub use singular::singular;

/// Hands out names unique within one scope, comparing them case-insensitively so that two
/// names never map to files that clash on a case-insensitive file system.
#[derive(Debug, Default)]
pub struct UniqueNames {
    taken: IndexSet<String>,
}

impl UniqueNames {
    /// Reserves a name outright; returns false if it was taken.
    pub fn try_claim(&mut self, name: &str) -> bool {
        self.taken.insert(name.to_ascii_lowercase())
    }

    /// Whether a name is taken.
    pub fn is_taken(&self, name: &str) -> bool {
        self.taken.contains(&name.to_ascii_lowercase())
    }

    /// Claims `name`, or the first of `name2`, `name3`, … (with `sep` between) that is free.
    pub fn claim_numbered(&mut self, name: &str, sep: &str) -> String {
        if self.try_claim(name) {
            return name.to_owned();
        }
        (2..)
            .map(|n| format!("{name}{sep}{n}"))
            .find(|candidate| self.try_claim(candidate))
            .expect("an unbounded counter always finds a free name")
    }
}

/// Keywords of Rust 2021 and the reserved words, which may only appear as raw identifiers.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be written as raw identifiers.
const NOT_RAW: &[&str] = &["self", "super", "crate", "_"];

/// How many of [`RESERVED_STEMS`] come first for the module tree's sake; the rest are the
/// names Windows reserves, which pages avoid too.
const MODULE_TREE_STEMS: usize = 4;

/// Module file stems that would clash with the module tree itself or that Windows reserves.
const RESERVED_STEMS: &[&str] = &[
    "mod", "lib", "main", "models", "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
    "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
    "lpt8", "lpt9",
];

#[cfg(test)]
mod tests;
