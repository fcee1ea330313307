//! Families of schemas told apart by a discriminator: a component that extends the base with
//! nothing of its own (`allOf` of the base alone, or of the base and parts that only annotate)
//! is still one of the family, a struct with the base's fields. As an alias of the family's
//! union it would be one of that union's own alternatives, and reading a value tagged for it
//! would go round without end, in the generated crate and in the examples pass.

use codegen::ir::{TypeKind, TypeSpace};
use codegen::{generate_from_bytes, type_space, Options};

const SPEC: &str = "openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: d
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Pet'}
EXAMPLE
components:
  schemas:
    Pet:
      type: object
      required: [petType, name]
      discriminator: {propertyName: petType}
      properties:
        petType: {type: string}
        name: {type: string}
    Dog:
      allOf:
        - $ref: '#/components/schemas/Pet'
    Cat:
      allOf:
        - $ref: '#/components/schemas/Pet'
        - description: Only a note.
    Puppy:
      allOf:
        - $ref: '#/components/schemas/Dog'
    Bird:
      allOf:
        - $ref: '#/components/schemas/Pet'
        - properties:
            wings: {type: integer}
";

const EXAMPLE: &str = "              example:
                - {petType: Dog, name: Rex}
                - {petType: Cat, name: Tom}
                - {petType: Puppy, name: Bo}
                - {petType: Bird, name: Tweety, wings: 2}";

fn component(space: &TypeSpace, name: &str) -> codegen::ir::TypeId {
    space
        .ids()
        .find(|&id| space.name(id) == name)
        .unwrap_or_else(|| panic!("no type {name}"))
}

#[test]
fn an_extension_with_nothing_of_its_own_is_a_struct_of_the_family() {
    let space = type_space(SPEC.replace("EXAMPLE\n", "").as_bytes(), "t.yaml").unwrap();
    for name in ["Dog", "Cat", "Puppy"] {
        let TypeKind::Struct(s) = &space.get(component(&space, name)).kind else {
            panic!("{name} is {:?}", space.get(component(&space, name)).kind);
        };
        let fields: Vec<&str> = s.fields.iter().map(|f| f.json_name.as_str()).collect();
        assert_eq!(fields, ["petType", "name"], "{name}");
    }
    let union = component(&space, "PetAny");
    let TypeKind::Union(u) = &space.get(union).kind else {
        panic!("PetAny is no union");
    };
    let alternatives: Vec<&str> = u.variants.iter().map(|v| v.name_hint.as_str()).collect();
    assert_eq!(alternatives, ["Pet", "Dog", "Cat", "Puppy", "Bird"]);
    // Dog has an extension of its own, so it has a family too; neither union is one of its
    // own alternatives.
    for union in [union, component(&space, "DogAny")] {
        let TypeKind::Union(u) = &space.get(union).kind else {
            panic!("{} is no union", space.name(union));
        };
        for v in &u.variants {
            assert_ne!(
                space.resolve_alias_ref(&v.ty),
                Some(union),
                "{}",
                v.name_hint
            );
        }
    }
}

#[test]
fn examples_tagged_for_such_extensions_are_read() {
    let spec = SPEC.replace("EXAMPLE", EXAMPLE);
    let options = Options::new("t", "t.yaml");
    let output = generate_from_bytes(spec.as_bytes(), &options).unwrap();
    assert_eq!(output.stats.examples, 1);
    assert!(
        output.stats.left_out.is_empty(),
        "{:?}",
        output.stats.left_out
    );
}
