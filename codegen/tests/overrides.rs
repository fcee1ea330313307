//! Overrides that cannot be applied are errors at their entry of the configuration file.

use codegen::{Config, Options};

const SPEC: &str = r##"
openapi: 3.0.3
info: {title: Zoo, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: The pets.
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}
components:
  schemas:
    Pet:
      type: object
      properties:
        name: {type: string}
        tag: {type: string}
    Keeper:
      type: object
      properties:
        name: {type: string}
"##;

fn errors_of(config: &str) -> Vec<String> {
    let config = Config::from_toml(config, "zoo.toml").expect("a valid configuration");
    let options = Options {
        overrides: config.overrides,
        ..Options::new("zoo", "zoo.yaml")
    };
    match codegen::generate_from_bytes(SPEC.as_bytes(), &options) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.0.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn each_override_that_cannot_apply_is_an_error_at_its_entry() {
    let errors = errors_of(
        "[types.Cat]\nderives = [\"Eq\"]\n\n[types.Pet]\nrename = \"Keeper\"\nfields = { tag = \"name\", colour = \"hue\" }\n\n[types.ListPetsResponseBody]\nderives = [\"Eq\"]\n",
    );
    assert_eq!(errors.len(), 5, "{errors:#?}");
    for expected in [
        "zoo.toml:1:8: error: no generated type is named `Cat`",
        "zoo.toml:4:8: error: `Keeper` is taken",
        "zoo.toml:4:8: error: `Pet` already has a field `name`",
        "zoo.toml:4:8: error: `Pet` has no property `colour`",
        "zoo.toml:8:8: error: `ListPetsResponseBody` is an alias of another type",
    ] {
        let found = errors.iter().filter(|e| e.starts_with(expected)).count();
        assert_eq!(found, 1, "{expected}: {errors:#?}");
    }
}

#[test]
fn a_type_is_found_by_its_pointer_and_renamed_with_its_file() {
    let config = Config::from_toml(
        "[types.\"#/components/schemas/Pet\"]\nrename = \"Animal\"\nfields = { tag = \"label\" }\n",
        "zoo.toml",
    )
    .unwrap();
    let options = Options {
        overrides: config.overrides,
        ..Options::new("zoo", "zoo.yaml")
    };
    let output = codegen::generate_from_bytes(SPEC.as_bytes(), &options).unwrap();
    let animal = output
        .files
        .find("src/models/components/animal.rs")
        .expect("renamed file");
    assert!(
        animal.contents.contains("pub struct Animal {"),
        "{}",
        animal.contents
    );
    assert!(
        animal.contents.contains("pub label: Option<String>,"),
        "{}",
        animal.contents
    );
    assert!(output.files.find("src/models/components/pet.rs").is_none());
    assert!(output
        .files
        .find("docs/models/components/Animal.md")
        .is_some());
}

#[test]
fn a_request_is_not_replaced_and_a_bad_x_rust_type_is_a_warning() {
    let errors = errors_of("[types.ListPetsRequest]\nreplace = { path = \"u8\" }\n");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("only models are replaced"),
        "{errors:#?}"
    );
    let spec = SPEC.replace(
        "    Keeper:\n      type: object\n",
        "    Keeper:\n      type: object\n      x-rust-type: {crate: geo, version: '0.28'}\n",
    );
    let output =
        codegen::generate_from_bytes(spec.as_bytes(), &Options::new("zoo", "zoo.yaml")).unwrap();
    let warnings: Vec<String> = output.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        warnings.iter().any(
            |w| w.contains("`x-rust-type` is not an object with the `path`")
                && w.contains("#/components/schemas/Keeper/x-rust-type")
        ),
        "{warnings:#?}"
    );
    assert!(output
        .files
        .find("src/models/components/keeper.rs")
        .is_some());
    let spec = SPEC.replace(
        "    Keeper:\n      type: object\n",
        "    Keeper:\n      type: object\n      x-rust-type: {crate: geo, version: '0.28', path: 'geo::Point<f64>'}\n",
    );
    let output =
        codegen::generate_from_bytes(spec.as_bytes(), &Options::new("zoo", "zoo.yaml")).unwrap();
    let keeper = output
        .files
        .find("src/models/components/keeper.rs")
        .unwrap();
    assert!(
        keeper
            .contents
            .contains("pub type Keeper = geo::Point<f64>;"),
        "{}",
        keeper.contents
    );
    let manifest = output.files.find("Cargo.toml").unwrap();
    assert!(
        manifest.contents.contains("\"geo\" = \"0.28\"\n"),
        "{}",
        manifest.contents
    );
    assert!(output
        .files
        .find("docs/models/components/Keeper.md")
        .is_none());
}

#[test]
fn a_bad_x_rust_type_in_a_swagger_2_spec_is_named_where_it_was_written() {
    let spec = r##"
swagger: "2.0"
info: {title: Zoo, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      produces: [application/json]
      responses:
        "200":
          description: The pets.
          schema: {type: array, items: {$ref: "#/definitions/Pet"}}
definitions:
  Pet:
    type: object
    x-rust-type: {crate: geo}
    properties:
      name: {type: string}
"##;
    let output =
        codegen::generate_from_bytes(spec.as_bytes(), &Options::new("zoo", "zoo.yaml")).unwrap();
    let warnings: Vec<String> = output.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("#/definitions/Pet/x-rust-type")),
        "{warnings:#?}"
    );
}
