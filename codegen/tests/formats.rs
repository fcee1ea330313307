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
