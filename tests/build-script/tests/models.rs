//! The models the build script generated are there and work like the committed crate's.

use codegen_build_script::shelter::models::components::{Animal, Kind};
use codegen_build_script::shelter::models::operations::GetAnimalRequest;
use codegen_build_script::shelter::{Operation, Uuid};

#[test]
fn the_generated_models_read_and_write_json() {
    let text = r#"{"id":"3f2b0a4e-2c1d-4e5f-8a9b-0c1d2e3f4a5b","kind":"ferret","arrivedAt":"2026-12-01T08:00:00Z"}"#;
    let animal: Animal = serde_json::from_str(text).unwrap();
    assert_eq!(animal.kind, Kind::Unknown("ferret".to_owned()));
    assert_eq!(serde_json::to_string(&animal).unwrap(), text);
}

#[test]
fn the_generated_requests_build_their_paths() {
    let request = GetAnimalRequest {
        animal_id: Uuid::from("3f2b0a4e-2c1d-4e5f-8a9b-0c1d2e3f4a5b"),
    };
    assert_eq!(
        request.path(),
        "/animals/3f2b0a4e-2c1d-4e5f-8a9b-0c1d2e3f4a5b"
    );
}
