//! Selection: only the chosen operations, and only the types they reach.

use codegen::{Config, Options, Output};

const SPEC: &str = r##"
openapi: 3.0.3
info: {title: Zoo, version: "1"}
paths:
  /animals:
    get:
      operationId: listAnimals
      tags: [animals]
      responses:
        "200":
          description: The animals.
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Animal"}}
  /keepers/{id}:
    get:
      operationId: getKeeper
      tags: [staff]
      parameters:
        - {$ref: "#/components/parameters/Id"}
      responses:
        "200":
          description: A keeper.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Keeper"}
    delete:
      operationId: fireKeeper
      tags: [staff, admin]
      parameters:
        - {$ref: "#/components/parameters/Id"}
      responses:
        "204": {description: Gone.}
components:
  parameters:
    Id: {name: id, in: path, required: true, schema: {type: string}}
  schemas:
    Animal:
      type: object
      required: [kind]
      properties:
        kind: {type: string}
        habitat: {$ref: "#/components/schemas/Habitat"}
      discriminator: {propertyName: kind}
    Lion:
      allOf:
        - {$ref: "#/components/schemas/Animal"}
        - {type: object, properties: {mane: {type: boolean}}}
    Habitat: {type: string, enum: [savanna, sea]}
    Keeper:
      type: object
      properties:
        name: {type: string}
        badge: {$ref: "#/components/schemas/Badge"}
    Badge: {type: object, properties: {number: {type: integer}}}
"##;

fn generate(config: &str) -> Result<Output, codegen::Errors> {
    let config = Config::from_toml(config, "codegen.toml").expect("a valid configuration");
    let options = Options {
        select: config.select,
        ..Options::new("zoo", "zoo.yaml")
    };
    codegen::generate_from_bytes(SPEC.as_bytes(), &options)
}

fn model_files(output: &Output) -> Vec<String> {
    output
        .files
        .iter()
        .filter(|f| f.path.starts_with("src/models/") && !f.path.ends_with("mod.rs"))
        .map(|f| f.path)
        .collect()
}

#[test]
fn a_tag_keeps_its_operations_and_the_types_they_reach() {
    let output = generate("[select]\ntags = [\"animals\"]\n").unwrap();
    let files = model_files(&output);
    assert_eq!(output.stats.operations, 1, "{files:?}");
    // Lion extends Animal, which has a discriminator: it is one of the values of Animal.
    for kept in [
        "animal.rs",
        "lion.rs",
        "habitat.rs",
        "list_animals_response.rs",
    ] {
        assert!(
            files.iter().any(|f| f.ends_with(&format!("/{kept}"))),
            "{kept} kept: {files:?}"
        );
    }
    for gone in ["keeper", "badge"] {
        assert!(
            !files.iter().any(|f| f.contains(gone)),
            "{gone} taken out: {files:?}"
        );
    }
}

#[test]
fn excludes_apply_after_includes() {
    let output = generate("[select]\ntags = [\"staff\"]\nexclude-tags = [\"admin\"]\n").unwrap();
    let files = model_files(&output);
    assert_eq!(output.stats.operations, 1, "{files:?}");
    assert!(files.iter().any(|f| f.ends_with("/keeper.rs")), "{files:?}");
    assert!(files.iter().any(|f| f.ends_with("/badge.rs")), "{files:?}");
    assert!(
        !files.iter().any(|f| f.contains("fire_keeper")),
        "{files:?}"
    );
    for gone in ["animal", "lion", "habitat"] {
        assert!(!files.iter().any(|f| f.contains(gone)), "{files:?}");
    }
    let by_path = generate("[select]\npaths = [\"/keepers/*\"]\n").unwrap();
    assert_eq!(by_path.stats.operations, 2);
    let by_id = generate("[select]\noperations = [\"fireKeeper\"]\n").unwrap();
    assert_eq!(by_id.stats.operations, 1);
    assert!(!model_files(&by_id).iter().any(|f| f.contains("badge")));
}

#[test]
fn an_entry_that_matches_nothing_is_a_warning_and_choosing_nothing_an_error() {
    let output = generate("[select]\ntags = [\"animals\", \"birds\"]\n").unwrap();
    let warnings: Vec<String> = output.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("tag `birds` matches no operation"),
        "{warnings:?}"
    );
    // A path without its `/` can only be a webhook's name; likely a tag in the wrong list.
    let output = generate("[select]\ntags = [\"animals\"]\npaths = [\"staff\"]\n").unwrap();
    let warnings: Vec<String> = output.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("path `staff` matches no operation")
            && warnings[0].contains("paths start with `/`"),
        "{warnings:?}"
    );
    let errors = generate("[select]\ntags = [\"birds\"]\n").unwrap_err();
    assert!(
        errors.to_string().contains("chooses no operation"),
        "{errors}"
    );
}

#[test]
fn no_selection_is_the_whole_spec() {
    let whole = generate("").unwrap();
    assert_eq!(whole.stats.operations, 3);
    let plain =
        codegen::generate_from_bytes(SPEC.as_bytes(), &Options::new("zoo", "zoo.yaml")).unwrap();
    assert_eq!(whole.files.to_vec(), plain.files.to_vec());
}

#[test]
fn a_webhook_is_chosen_by_its_name_and_a_path_that_looks_like_one_by_its_path() {
    let spec = r##"
openapi: 3.1.0
info: {title: Hooks, version: "1"}
paths:
  /{webhooks}/ping:
    get:
      operationId: readPing
      parameters: [{name: webhooks, in: path, required: true, schema: {type: string}}]
      responses: {"204": {description: Nothing.}}
webhooks:
  ping:
    post:
      operationId: pinged
      responses: {"200": {description: Received.}}
"##;
    let chosen = |paths: &str| {
        let config = Config::from_toml(&format!("[select]\npaths = [{paths}]\n"), "c.toml")
            .expect("a valid configuration");
        let options = Options {
            select: config.select,
            ..Options::new("hooks", "hooks.yaml")
        };
        let output = codegen::generate_from_bytes(spec.as_bytes(), &options).unwrap();
        let mut requests: Vec<String> = model_files(&output)
            .into_iter()
            .filter(|f| f.ends_with("_request.rs"))
            .collect();
        requests.sort();
        requests
    };
    assert_eq!(
        chosen("\"ping\""),
        ["src/models/operations/pinged_request.rs"]
    );
    assert_eq!(
        chosen("\"/{webhooks}/ping\""),
        ["src/models/operations/read_ping_request.rs"]
    );
}
