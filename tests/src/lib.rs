//! Compiles the reviewed outputs of the fixtures in `fixtures/`, so that every golden file
//! is also proven to build, pass clippy and run its generated example tests.

#[rustfmt::skip]
#[path = "../fixtures/arrays/src/lib.rs"]
pub mod arrays;

#[rustfmt::skip]
#[path = "../fixtures/descriptions/src/lib.rs"]
pub mod descriptions;

#[rustfmt::skip]
#[path = "../fixtures/enums/src/lib.rs"]
pub mod enums;

#[rustfmt::skip]
#[path = "../fixtures/keywords/src/lib.rs"]
pub mod keywords;

#[rustfmt::skip]
#[path = "../fixtures/name_collisions/src/lib.rs"]
pub mod name_collisions;

#[rustfmt::skip]
#[path = "../fixtures/nested_objects/src/lib.rs"]
pub mod nested_objects;

#[rustfmt::skip]
#[path = "../fixtures/optional_required/src/lib.rs"]
pub mod optional_required;

#[rustfmt::skip]
#[path = "../fixtures/scalar_formats/src/lib.rs"]
pub mod scalar_formats;

#[rustfmt::skip]
#[path = "../fixtures/variants/src/lib.rs"]
pub mod variants;

#[rustfmt::skip]
#[path = "../fixtures/components_refs/src/lib.rs"]
pub mod components_refs;

#[rustfmt::skip]
#[path = "../fixtures/all_of/src/lib.rs"]
pub mod all_of;

#[rustfmt::skip]
#[path = "../fixtures/models_only/src/lib.rs"]
pub mod models_only;

#[rustfmt::skip]
#[path = "../fixtures/one_of/src/lib.rs"]
pub mod one_of;

#[rustfmt::skip]
#[path = "../fixtures/nullable/src/lib.rs"]
pub mod nullable;

#[rustfmt::skip]
#[path = "../fixtures/maps/src/lib.rs"]
pub mod maps;

#[rustfmt::skip]
#[path = "../fixtures/int_enums/src/lib.rs"]
pub mod int_enums;

#[rustfmt::skip]
#[path = "../fixtures/bodies/src/lib.rs"]
pub mod bodies;

#[rustfmt::skip]
#[path = "../fixtures/tolerance/src/lib.rs"]
pub mod tolerance;

#[rustfmt::skip]
#[path = "../fixtures/shared_shapes/src/lib.rs"]
pub mod shared_shapes;
#[rustfmt::skip]
#[path = "../fixtures/examples_as_text/src/lib.rs"]
pub mod examples_as_text;
#[rustfmt::skip]
#[path = "../fixtures/hygiene/src/lib.rs"]
pub mod hygiene;
#[rustfmt::skip]
#[path = "../fixtures/openapi31/src/lib.rs"]
pub mod openapi31;
#[rustfmt::skip]
#[path = "../fixtures/pointer_refs/src/lib.rs"]
pub mod pointer_refs;
#[rustfmt::skip]
#[path = "../fixtures/requests/src/lib.rs"]
pub mod requests;
#[rustfmt::skip]
#[path = "../fixtures/seed_names/src/lib.rs"]
pub mod seed_names;
#[rustfmt::skip]
#[path = "../fixtures/swagger2/src/lib.rs"]
pub mod swagger2;
#[rustfmt::skip]
#[path = "../fixtures/wide_object/src/lib.rs"]
pub mod wide_object;

#[rustfmt::skip]
#[path = "../fixtures/late_places/src/lib.rs"]
pub mod late_places;

#[rustfmt::skip]
#[path = "../fixtures/references_everywhere/src/lib.rs"]
pub mod references_everywhere;

#[rustfmt::skip]
#[path = "../fixtures/schema_forms/src/lib.rs"]
pub mod schema_forms;

#[rustfmt::skip]
#[path = "../fixtures/example_verdicts/src/lib.rs"]
pub mod example_verdicts;

#[rustfmt::skip]
#[path = "../fixtures/wire/src/lib.rs"]
pub mod wire;

#[rustfmt::skip]
#[path = "../fixtures/tags/src/lib.rs"]
pub mod tags;

#[rustfmt::skip]
#[path = "../fixtures/overrides/src/lib.rs"]
pub mod overrides;

#[rustfmt::skip]
#[path = "../fixtures/strict_formats/src/lib.rs"]
pub mod strict_formats;
