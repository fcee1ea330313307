//! A union that is one of its own alternatives, directly or through another union, would read
//! a value by trying that alternative again and again (a stack overflow, in the examples pass
//! and in the generated crate). Such an alternative is left out with a warning at the union.

use codegen::ir::{TypeKind, TypeRef, TypeSpace};
use codegen::{generate_from_bytes, type_space, Options};

const SPEC: &str = "openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /x:
    get:
      operationId: getX
      responses:
        '200':
          description: d
          content:
            application/json:
              schema:
                type: object
                properties:
                  direct: {$ref: '#/components/schemas/Direct'}
                  through: {$ref: '#/components/schemas/Through'}
                  only: {$ref: '#/components/schemas/Only'}
              example: {direct: text, through: 7, only: {any: thing}}
components:
  schemas:
    Direct:
      anyOf:
        - $ref: '#/components/schemas/Direct'
        - type: string
    Through:
      oneOf:
        - $ref: '#/components/schemas/Other'
        - type: integer
    Other:
      anyOf:
        - $ref: '#/components/schemas/Through'
        - type: boolean
    Only:
      anyOf:
        - $ref: '#/components/schemas/Only'
";

fn id(space: &TypeSpace, name: &str) -> codegen::ir::TypeId {
    space
        .ids()
        .find(|&id| space.name(id) == name)
        .unwrap_or_else(|| panic!("no type {name}"))
}

fn alternatives(space: &TypeSpace, name: &str) -> Vec<String> {
    let TypeKind::Union(u) = &space.get(id(space, name)).kind else {
        panic!("{name} is {:?}", space.get(id(space, name)).kind);
    };
    u.variants.iter().map(|v| format!("{:?}", v.ty)).collect()
}

#[test]
fn alternatives_that_lead_back_are_left_out() {
    let space = type_space(SPEC.as_bytes(), "t.yaml").unwrap();
    assert_eq!(alternatives(&space, "Direct"), ["String"]);
    // The first union in the document loses its way back; the other keeps its way there,
    // which no longer leads back.
    assert_eq!(alternatives(&space, "Through"), ["I64"]);
    let other = alternatives(&space, "Other");
    assert_eq!(other.len(), 2, "{other:?}");
    assert_eq!(other[1], "Bool");
    // A union with no other alternative is an alias of itself, which describes no value.
    assert_eq!(
        space.get(id(&space, "Only")).kind,
        TypeKind::Alias(TypeRef::Json)
    );
}

#[test]
fn each_is_reported_at_its_union_and_examples_are_read() {
    let options = Options::new("t", "t.yaml");
    let output = generate_from_bytes(SPEC.as_bytes(), &options).unwrap();
    let left_out: Vec<(&str, &str)> = output
        .warnings
        .iter()
        .filter(|w| w.message.contains("leads back to the union"))
        .map(|w| (w.pointer.as_deref().unwrap_or(""), w.message.as_str()))
        .collect();
    let places: Vec<&str> = left_out.iter().map(|(p, _)| *p).collect();
    assert_eq!(
        places,
        [
            "#/components/schemas/Direct",
            "#/components/schemas/Through"
        ]
    );
    assert!(
        left_out[0]
            .1
            .starts_with("alternative 1 of this union (`Direct`)"),
        "{}",
        left_out[0].1
    );
    let only = output
        .warnings
        .iter()
        .find(|w| w.pointer.as_deref() == Some("#/components/schemas/Only"))
        .expect("a warning at Only");
    assert!(
        only.message.contains("describes no value"),
        "{}",
        only.message
    );
    assert_eq!(output.stats.examples, 1);
    assert!(
        output.stats.left_out.is_empty(),
        "{:?}",
        output.stats.left_out
    );
}
