//! String formats: a type of their own by default, a plain `String` where the configuration
//! says so.

use codegen::{Config, Options};

const SPEC: &str = r#"
openapi: 3.0.3
info: {title: Clock, version: "1"}
paths:
  /now:
    get:
      operationId: getNow
      responses:
        "200":
          description: The time.
          content:
            application/json:
              schema:
                type: object
                properties:
                  at: {type: string, format: date-time}
                  id: {type: string, format: uuid}
                  secret: {type: string, format: password}
"#;

fn body_file(config: &str) -> String {
    let config = Config::from_toml(config, "codegen.toml").unwrap();
    let options = Options {
        formats: config.formats,
        ..Options::new("clock", "clock.yaml")
    };
    let output = codegen::generate_from_bytes(SPEC.as_bytes(), &options).unwrap();
    output
        .files
        .find("src/models/operations/get_now_response_body.rs")
        .expect("the body's file")
        .contents
}

#[test]
fn formats_are_typed_by_default_and_plain_where_configured() {
    let typed = body_file("");
    assert!(
        typed.contains("pub at: Option<support::DateTime>,"),
        "{typed}"
    );
    assert!(typed.contains("pub id: Option<support::Uuid>,"), "{typed}");
    // A format without a type of its own is a plain string.
    assert!(typed.contains("pub secret: Option<String>,"), "{typed}");
    let plain = body_file("[formats]\ndate-time = \"string\"\n");
    assert!(plain.contains("pub at: Option<String>,"), "{plain}");
    assert!(plain.contains("pub id: Option<support::Uuid>,"), "{plain}");
}

fn manifest_and_body(config: &str, spec: &str) -> (String, String) {
    let config = Config::from_toml(config, "codegen.toml").unwrap();
    let options = Options::new("clock", "clock.yaml").with_config(config);
    let output = codegen::generate_from_bytes(spec.as_bytes(), &options).unwrap();
    let file = |path: &str| output.files.find(path).expect(path).contents;
    (
        file("Cargo.toml"),
        file("src/models/operations/get_now_response_body.rs"),
    )
}

#[test]
fn a_strict_type_is_the_field_and_its_crate_a_dependency() {
    let (manifest, body) = manifest_and_body("[formats]\ndate-time = \"jiff\"\n", SPEC);
    assert!(
        body.contains("pub at: Option<::jiff::Timestamp>,"),
        "{body}"
    );
    assert!(body.contains("pub id: Option<support::Uuid>,"), "{body}");
    assert!(
        manifest.contains("\njiff = { version = \"0.2\", features = [\"serde\"] }\n"),
        "{manifest}"
    );
    // The typed access of `Uuid` stays optional; jiff has no access to give here.
    assert!(
        manifest.contains("\nuuid = { version = \"1\", optional = true }\n"),
        "{manifest}"
    );
    assert!(manifest.contains("\nuuid = [\"dep:uuid\"]\n"), "{manifest}");
    assert!(!manifest.contains("jiff = [\"dep:jiff\"]"), "{manifest}");
}

#[test]
fn a_crate_needed_three_ways_is_one_dependency() {
    // `Stamp` is replaced by a chrono type, `date` is chrono's strict type, and `date-time`
    // keeps its text with typed access (chrono among its crates).
    let spec = format!(
        "{SPEC}                  day: {{type: string, format: date}}
                  stamp: {{$ref: '#/components/schemas/Stamp'}}
components:
  schemas:
    Stamp:
      type: string
      x-rust-type: {{crate: chrono, version: \"0.4.38\", path: \"chrono::NaiveDateTime\"}}
"
    );
    let (manifest, body) = manifest_and_body("[formats]\ndate = \"chrono\"\n", &spec);
    assert!(
        body.contains("pub day: Option<::chrono::NaiveDate>,"),
        "{body}"
    );
    let lines: Vec<&str> = manifest
        .lines()
        .filter(|line| line.starts_with("chrono") || line.starts_with("\"chrono\""))
        .collect();
    assert_eq!(
        lines,
        [
            "\"chrono\" = { version = \"0.4.38\", features = [\"serde\", \"alloc\"] }",
            "chrono = []"
        ],
        "{manifest}"
    );
    // The strict section is empty: chrono is the replacement's line.
    assert!(!manifest.contains("strict types"), "{manifest}");
}
