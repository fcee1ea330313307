//! The member-naming pass: fields, enum and union variants, response cases and example tests
//! (the types themselves are named by [`super::type_names`]).

use crate::error::{Diagnostic, Kind};
use crate::ir::{EnumValue, Field, MemberNames, TypeId, TypeKind, TypeSpace};
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

/// Names the members of every type (fields, variants, cases) into
/// [`TypeSpace::member_names`], the security schemes' fields and the example tests: everything
/// but the types themselves, which [`super::type_names`] names. Returns the fields numbered
/// for want of a free name, in order.
pub fn assign_members(space: &mut TypeSpace) -> Vec<FieldCollision> {
    let mut collisions = Vec::new();
    let member_names = space
        .types
        .iter()
        .enumerate()
        .map(|(index, def)| type_members(&def.kind, TypeId(index), &mut collisions))
        .collect();
    space.member_names = member_names;
    let mut schemes = UniqueNames::default();
    space.scheme_fields = space
        .security_schemes
        .iter()
        .map(|scheme| claim_field(&mut schemes, &naming::field_name(&scheme.key)))
        .collect();
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

/// The names of the members of one type, `owner`, adding the fields it had to number to
/// `collisions`.
fn type_members(
    kind: &TypeKind,
    owner: TypeId,
    collisions: &mut Vec<FieldCollision>,
) -> MemberNames {
    let mut taken = UniqueNames::default();
    let mut fields =
        |fields: &mut dyn Iterator<Item = &Field>, what: &'static str| -> Vec<String> {
            fields
                .map(|field| {
                    let (name, collision) = name_field(&mut taken, field, what, owner);
                    collisions.extend(collision);
                    name
                })
                .collect()
        };
    match kind {
        // Positions need no names, and a file part's fields are fixed.
        TypeKind::Tuple(_) | TypeKind::FilePart | TypeKind::Alias(_) | TypeKind::Newtype(_) => {
            MemberNames::default()
        }
        TypeKind::Headers(headers) => MemberNames {
            members: fields(&mut headers.iter(), "header"),
            other: String::new(),
        },
        TypeKind::Struct(s) => {
            let members = fields(&mut s.fields.iter(), "property");
            let other = match &s.extra {
                Some(_) => claim_field(&mut taken, "additional_properties"),
                None => String::new(),
            };
            MemberNames { members, other }
        }
        TypeKind::Enum(e) => {
            // Values that differ only in case or punctuation get numbered variants rather
            // than a warning: each still serializes to its exact value.
            let members = e
                .variants
                .iter()
                .map(|variant| {
                    let wanted = match &variant.value {
                        EnumValue::String(s) => naming::variant_name(s),
                        EnumValue::Integer(n) if *n < 0 => {
                            format!("ValueMinus{}", n.unsigned_abs())
                        }
                        EnumValue::Integer(n) => format!("Value{n}"),
                    };
                    taken.claim_numbered(&wanted, "")
                })
                .collect();
            let other = catch_all_name(&mut taken);
            MemberNames { members, other }
        }
        TypeKind::Union(u) => {
            let members = u
                .variants
                .iter()
                .map(|variant| taken.claim_numbered(&naming::variant_name(&variant.name_hint), ""))
                .collect();
            let other = catch_all_name(&mut taken);
            MemberNames { members, other }
        }
        TypeKind::Request(r) => {
            // The body is `request_body` whatever the parameters are called: it is named
            // first, and a parameter that wants the name is numbered. The names are kept in
            // the order of `RequestDef::fields`: the parameters, then the body.
            let body = fields(&mut r.body.iter().map(|b| &b.field), "parameter");
            let mut members = fields(&mut r.parameters.iter().map(|p| &p.field), "parameter");
            members.extend(body);
            MemberNames {
                members,
                other: String::new(),
            }
        }
        TypeKind::Response(r) => {
            let members = r
                .cases
                .iter()
                .map(|case| taken.claim_numbered(&naming::status_variant(case.status), ""))
                .collect();
            let other = ["Undocumented", "UndocumentedResponse"]
                .into_iter()
                .find(|name| taken.try_claim(name))
                .map_or_else(|| taken.claim_numbered("Undocumented", ""), str::to_owned);
            MemberNames { members, other }
        }
    }
}

/// Names the field of a property or parameter (`what`) of the type `owner`: its plain field
/// name; where another has that, the name with its symbols spelled (`StartTime<` beside
/// `StartTime` is `start_time_lt`); else a number, reported.
fn name_field(
    taken: &mut UniqueNames,
    field: &Field,
    what: &'static str,
    owner: TypeId,
) -> (String, Option<FieldCollision>) {
    let wanted = naming::field_name(&field.json_name);
    if taken.try_claim(&wanted) {
        return (wanted, None);
    }
    if let Some(spelled) = naming::spelled_field_name(&field.json_name) {
        if taken.try_claim(&spelled) {
            return (spelled, None);
        }
    }
    let given = claim_field(taken, &wanted);
    let collision = FieldCollision {
        owner,
        what,
        json_name: field.json_name.clone(),
        wanted,
        given: given.clone(),
    };
    (given, Some(collision))
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
    use super::type_members;
    use crate::ir::*;
    use crate::{generate_from_bytes, Options};

    fn field(json: &str) -> Field {
        Field {
            json_name: json.to_owned(),
            ty: TypeRef::String,
            required: false,
            docs: None,
            read_only: false,
        }
    }

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| (*v).to_owned()).collect()
    }

    /// The members' names of one type and the fields numbered, each as `json -> given`.
    fn members(kind: TypeKind) -> (Vec<String>, String, Vec<String>) {
        let mut collisions = Vec::new();
        let names = type_members(&kind, TypeId(0), &mut collisions);
        let numbered = collisions
            .iter()
            .map(|c| format!("{} {} -> {}", c.what, c.json_name, c.given))
            .collect();
        (names.members, names.other, numbered)
    }

    /// Every rule of member naming, one row each: the type, then the names of its members,
    /// its catch-all, and the fields numbered for want of a free name.
    #[test]
    fn member_names_follow_their_rules() {
        let string_enum = |values: &[&str]| {
            TypeKind::Enum(EnumDef {
                repr: EnumRepr::String,
                variants: values
                    .iter()
                    .map(|v| EnumVariant {
                        value: EnumValue::String((*v).to_owned()),
                    })
                    .collect(),
            })
        };
        let union = |hints: &[&str]| {
            TypeKind::Union(UnionDef {
                variants: hints
                    .iter()
                    .map(|hint| UnionVariant {
                        name_hint: (*hint).to_owned(),
                        ty: TypeRef::Json,
                        tags: Vec::new(),
                    })
                    .collect(),
                discriminator: None,
                inferred: false,
            })
        };
        let object = |properties: &[&str], extra: bool| {
            TypeKind::Struct(StructDef {
                fields: properties.iter().map(|p| field(p)).collect(),
                extra: extra.then_some(Extra { ty: TypeRef::Json }),
            })
        };
        let response = |statuses: &[StatusKey]| {
            TypeKind::Response(ResponseDef {
                cases: statuses
                    .iter()
                    .map(|status| ResponseCase {
                        status: *status,
                        body: ResponseBody::Empty,
                        headers: None,
                        docs: None,
                    })
                    .collect(),
            })
        };
        let request = |parameters: &[&str], body: bool| {
            TypeKind::Request(RequestDef {
                method: "GET".to_owned(),
                path: PathTemplate::parse("/"),
                parameters: parameters
                    .iter()
                    .map(|p| RequestParameter {
                        field: field(p),
                        how: Parameter {
                            location: ParameterLocation::Query,
                            style: ParameterStyle::Form,
                            explode: true,
                        },
                    })
                    .collect(),
                body: body.then(|| RequestBody {
                    field: field("requestBody"),
                    content_type: "application/json".to_owned(),
                    encoding: BodyEncoding::Json,
                }),
                response: TypeId(1),
                body_is_request: false,
                webhook: false,
                security: None,
            })
        };
        let integers = TypeKind::Enum(EnumDef {
            repr: EnumRepr::Integer,
            variants: [-3, 0, 7]
                .map(|n| EnumVariant {
                    value: EnumValue::Integer(n),
                })
                .to_vec(),
        });
        let table: Vec<(TypeKind, &[&str], &str, &[&str])> = vec![
            // Enum values: PascalCase; values alike but for case or punctuation numbered,
            // without a warning (each still writes its own value).
            (
                string_enum(&["in_progress", "IN-PROGRESS", "done"]),
                &["InProgress", "InProgress2", "Done"],
                "Unknown",
                &[],
            ),
            (
                integers,
                &["ValueMinus3", "Value0", "Value7"],
                "Unknown",
                &[],
            ),
            // The catch-all is the first of `Unknown`, `UnknownValue`, `Other` that is free,
            // else `Unknown` numbered.
            (string_enum(&["unknown"]), &["Unknown"], "UnknownValue", &[]),
            (
                union(&["Unknown", "UnknownValue", "Other"]),
                &["Unknown", "UnknownValue", "Other"],
                "Unknown2",
                &[],
            ),
            (
                union(&["Pet", "pet", "string"]),
                &["Pet", "Pet2", "String"],
                "Unknown",
                &[],
            ),
            // Fields: snake case; where taken, the symbols spelled; else numbered, reported.
            (
                object(&["StartTime", "StartTime<", "start_time"], false),
                &["start_time", "start_time_lt", "start_time_2"],
                "",
                &["property start_time -> start_time_2"],
            ),
            // The map of undeclared properties is `additional_properties`, after the
            // properties.
            (
                object(&["additional_properties"], true),
                &["additional_properties"],
                "additional_properties_2",
                &[],
            ),
            // A name that ends in `_` is numbered without a second one.
            (
                object(&["self", "self"], false),
                &["self_", "self_2"],
                "",
                &["property self -> self_2"],
            ),
            // The body is `request_body` whatever the parameters are called; the names are in
            // field order, parameters first.
            (
                request(&["request_body", "q"], true),
                &["request_body_2", "q", "request_body"],
                "",
                &["parameter request_body -> request_body_2"],
            ),
            (
                TypeKind::Headers(vec![field("X-Rate"), field("x_rate")]),
                &["x_rate", "x_rate_2"],
                "",
                &["header x_rate -> x_rate_2"],
            ),
            // Response cases by status; undocumented ones in `Undocumented`.
            (
                response(&[
                    StatusKey::Code(200),
                    StatusKey::Range(4),
                    StatusKey::Default,
                ]),
                &["Ok", "Status4Xx", "Default"],
                "Undocumented",
                &[],
            ),
            (TypeKind::FilePart, &[], "", &[]),
            (TypeKind::Alias(TypeRef::String), &[], "", &[]),
        ];
        let count = table.len();
        for (kind, names, other, numbered) in table {
            let described = format!("{kind:?}");
            assert_eq!(
                members(kind),
                (strings(names), other.to_owned(), strings(numbered)),
                "{described}"
            );
        }
        assert_eq!(count, 13);
    }

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
