//! The member-naming pass: fields, enum and union variants, response cases and example tests
//! (the types themselves are named by [`super::type_names`]).

use crate::error::{Diagnostic, Kind};
use crate::ir::{EnumValue, Field, TypeId, TypeKind, TypeSpace};
use crate::naming::{self, UniqueNames};

/// A field that could not have the Rust name its property, header or parameter maps to and was
/// numbered. Members are named before the types (dedup compares them), so the warning, which
/// quotes the type's name, is written once the types have theirs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldCollision {
    owner: TypeId,
    /// `property`, `header` or `parameter`.
    what: &'static str,
    json_name: String,
    wanted: String,
    given: String,
}

impl FieldCollision {
    /// The warning, naming the type by the name the type-name pass gave it.
    pub fn warning(&self, space: &TypeSpace, label: &str) -> Diagnostic {
        let message = format!(
            "{} `{}` maps to the Rust field `{}`, which another field of `{}` already has; naming it `{}`",
            self.what, self.json_name, self.wanted, space.name(self.owner), self.given
        );
        Diagnostic::warning(Kind::NameCollision, label, message).at(&space.get(self.owner).pointer)
    }
}

/// Names the members of every type (fields, variants) and the example tests: everything but
/// the types themselves, which [`super::type_names`] names. Returns the fields numbered for
/// want of a free name, in order.
pub fn assign_members(space: &mut TypeSpace) -> Vec<FieldCollision> {
    let mut collisions = Vec::new();
    for (index, def) in space.types.iter_mut().enumerate() {
        let owner = TypeId(index);
        match &mut def.kind {
            // Positions need no names, and a file part's fields are fixed.
            TypeKind::Tuple(_) | TypeKind::FilePart => {}
            TypeKind::Headers(fields) => {
                let mut taken = UniqueNames::default();
                for field in fields {
                    collisions.extend(name_field(&mut taken, field, "header", owner));
                }
            }
            TypeKind::Struct(s) => {
                let mut taken = UniqueNames::default();
                for field in &mut s.fields {
                    collisions.extend(name_field(&mut taken, field, "property", owner));
                }
                if let Some(extra) = &mut s.extra {
                    extra.rust_name = claim_field(&mut taken, "additional_properties");
                }
            }
            TypeKind::Enum(e) => {
                // Values that differ only in case or punctuation get numbered variants rather
                // than a warning: each still serializes to its exact value.
                let mut taken = UniqueNames::default();
                for variant in &mut e.variants {
                    let wanted = match &variant.value {
                        EnumValue::String(s) => naming::variant_name(s),
                        EnumValue::Integer(n) if *n < 0 => {
                            format!("ValueMinus{}", n.unsigned_abs())
                        }
                        EnumValue::Integer(n) => format!("Value{n}"),
                    };
                    variant.rust_name = taken.claim_numbered(&wanted, "");
                }
                e.other_name = catch_all_name(&mut taken);
            }
            TypeKind::Union(u) => {
                let mut taken = UniqueNames::default();
                for variant in &mut u.variants {
                    variant.rust_name =
                        taken.claim_numbered(&naming::variant_name(&variant.name_hint), "");
                }
                u.other_name = catch_all_name(&mut taken);
            }
            TypeKind::Request(r) => {
                // The body is `request_body` whatever the parameters are called: it is named
                // first, and a parameter that wants the name is numbered.
                let mut taken = UniqueNames::default();
                let body = r.body.as_mut().map(|b| &mut b.field);
                let parameters = r.parameters.iter_mut().map(|p| &mut p.field);
                for field in body.into_iter().chain(parameters) {
                    collisions.extend(name_field(&mut taken, field, "parameter", owner));
                }
            }
            TypeKind::Response(r) => {
                let mut taken = UniqueNames::default();
                for case in &mut r.cases {
                    case.rust_name = taken.claim_numbered(&naming::status_variant(case.status), "");
                }
                r.other_name = ["Undocumented", "UndocumentedResponse"]
                    .into_iter()
                    .find(|name| taken.try_claim(name))
                    .map_or_else(|| taken.claim_numbered("Undocumented", ""), str::to_owned);
            }
            TypeKind::Alias(_) | TypeKind::Newtype(_) => {}
        }
    }
    let mut schemes = UniqueNames::default();
    for scheme in &mut space.security_schemes {
        scheme.rust_name = claim_field(&mut schemes, &naming::field_name(&scheme.key));
    }
    let mut tests = UniqueNames::default();
    space.example_tests = space
        .examples
        .iter()
        .map(|example| {
            let wanted = naming::field_name(&format!(
                "{}_{}_{}",
                example.operation_id, example.status, example.name
            ));
            claim_field(&mut tests, &wanted)
        })
        .collect();
    collisions
}

/// Names the field of a property or parameter (`what`) of the type `owner`: its plain field
/// name; where another has that, the name with its symbols spelled (`StartTime<` beside
/// `StartTime` is `start_time_lt`); else a number, reported.
fn name_field(
    taken: &mut UniqueNames,
    field: &mut Field,
    what: &'static str,
    owner: TypeId,
) -> Option<FieldCollision> {
    let wanted = naming::field_name(&field.json_name);
    if taken.try_claim(&wanted) {
        field.rust_name = wanted;
        return None;
    }
    if let Some(spelled) = naming::spelled_field_name(&field.json_name) {
        if taken.try_claim(&spelled) {
            field.rust_name = spelled;
            return None;
        }
    }
    field.rust_name = claim_field(taken, &wanted);
    Some(FieldCollision {
        owner,
        what,
        json_name: field.json_name.clone(),
        wanted,
        given: field.rust_name.clone(),
    })
}

/// `self_` numbers as `self_2`: a doubled underscore is not snake case.
fn claim_field(taken: &mut UniqueNames, wanted: &str) -> String {
    let sep = if wanted.ends_with('_') { "" } else { "_" };
    taken.claim_numbered(wanted, sep)
}

/// The variant that keeps values the spec does not list.
fn catch_all_name(taken: &mut UniqueNames) -> String {
    ["Unknown", "UnknownValue", "Other"]
        .into_iter()
        .find(|name| taken.try_claim(name))
        .map_or_else(|| taken.claim_numbered("Unknown", ""), str::to_owned)
}

#[cfg(test)]
mod tests {
    use crate::{generate_from_bytes, Options};

    #[test]
    fn parameters_told_apart_by_a_symbol_spell_it() {
        let spec = br#"
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /calls:
    get:
      operationId: listCalls
      parameters:
        - {name: StartTime, in: query, schema: {type: string}}
        - {name: StartTime<, in: query, schema: {type: string}}
        - {name: StartTime>, in: query, schema: {type: string}}
      responses:
        '204': {description: none}
"#;
        let output = generate_from_bytes(spec, &options()).unwrap();
        assert!(output.warnings.is_empty(), "{:?}", output.warnings);
        let request = output
            .files
            .iter()
            .find(|f| f.path == "src/models/operations/list_calls_request.rs")
            .unwrap();
        for field in ["start_time", "start_time_lt", "start_time_gt"] {
            assert!(
                request
                    .contents
                    .contains(&format!("pub {field}: Option<String>")),
                "{field}"
            );
        }
    }

    fn options() -> Options {
        Options::new("t".to_owned(), "t.yaml".to_owned())
    }

    #[test]
    fn parameters_that_make_one_field_name_are_numbered_with_a_warning() {
        let spec = br#"
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /items/{item-id}:
    get:
      operationId: getItem
      parameters:
        - {name: item-id, in: path, required: true, schema: {type: string}}
        - {name: item_id, in: query, schema: {type: string}}
      responses:
        '204': {description: none}
"#;
        let output = generate_from_bytes(spec, &options()).unwrap();
        let messages: Vec<&str> = output.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            messages,
            ["parameter `item_id` maps to the Rust field `item_id`, which another field of `GetItemRequest` already has; naming it `item_id_2`"]
        );
        let request = output
            .files
            .iter()
            .find(|f| f.path == "src/models/operations/get_item_request.rs")
            .unwrap();
        assert!(request.contents.contains("pub item_id_2: Option<String>"));
    }
}
