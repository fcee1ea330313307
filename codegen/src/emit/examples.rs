//! The generated example tests: each response example in the spec deserializes into its type
//! and serializes back to the same JSON (or to what the examples pass says the model gives
//! back). With `left_out`, each example left out as contradicting its schema gets a test that
//! the model indeed refuses it, which holds the examples pass to the models.

use super::ident;
use crate::ir::{TypeRef, TypeSpace, Verdict};
use quote::quote;

pub fn emit(space: &TypeSpace, left_out: bool) -> proc_macro2::TokenStream {
    // The path of an example's type from the tests' module (`root` is the path to the crate
    // root from there).
    let type_of = |example: &crate::ir::Example, root: proc_macro2::TokenStream| match &example.ty {
        TypeRef::Named(id) => {
            let def = space.get(*id);
            let dir = ident(def.module.dir());
            let ty = ident(&def.name);
            quote!(#root::models::#dir::#ty)
        }
        _ => quote!(::serde_json::Value),
    };
    let refused = space
        .judged_examples()
        .filter(|(_, _, verdict)| left_out && verdict.contradiction().is_some())
        .map(|(example, test, _)| {
            // In a module of their own, so their names cannot meet the round-trip tests'.
            let name = ident(test);
            let ty = type_of(example, quote!(super::super));
            let json = example.value.to_string();
            // A test is compiled with the types of its operation's tags.
            let cfg = super::features::operation_cfg(space, &example.operation_id);
            quote! {
                #cfg
                #[test]
                fn #name() {
                    super::refused::<#ty>(#json);
                }
            }
        })
        .collect::<Vec<_>>();
    let refused_helper = (!refused.is_empty()).then(|| {
        quote! {
            /// Checks that the model refuses an example the generator left out as contradicting
            /// its schema.
            fn refused<__T: ::serde::de::DeserializeOwned>(json: &str) {
                let read: ::std::result::Result<__T, _> = ::serde_json::from_str(json);
                assert!(
                    read.is_err(),
                    "the generator left this example out, but the model reads it"
                );
            }
        }
    });
    let tests = space
        .judged_examples()
        .filter_map(|(example, test, verdict)| match verdict {
            Verdict::Kept { expected } => Some((example, test, expected)),
            Verdict::LeftOut { .. } => None,
        })
        .map(|(example, test, expected)| {
            let name = ident(test);
            let ty = type_of(example, quote!(super));
            // Compact JSON keeps a test to a few lines; the value is an escaped string literal, so
            // nothing in an example can end it early.
            let json = example.value.to_string();
            let expected = match expected {
                Some(expected) => {
                    let expected = expected.to_string();
                    quote!(::std::option::Option::Some(#expected))
                }
                None => quote!(::std::option::Option::None),
            };
            // A test is compiled with the types of its operation's tags.
            let cfg = super::features::operation_cfg(space, &example.operation_id);
            quote! {
                #cfg
                #[test]
                fn #name() {
                    round_trip::<#ty>(#json, #expected);
                }
            }
        });
    let left_out_module = (!refused.is_empty()).then(|| {
        quote! {
            /// The examples left out of the tests above, each refused by its model.
            mod left_out {
                #(#refused)*
            }
        }
    });
    let strict = super::support::needs(space).strict;
    // A strict type writes a value back in its own spelling (`+00:00` for `Z`), so its
    // strings are compared by what they mean: each read as every strict type of the crate.
    let (strict_arm, same_text) = if strict.is_empty() {
        (None, None)
    } else {
        let types = strict.iter().map(|s| {
            let ty: syn::Type = syn::parse_str(s.type_path()).expect("a fixed type");
            ty
        });
        let arm = quote! {
            (Value::String(x), Value::String(y)) if x != y => same_text(x, y),
        };
        let function = quote! {
            /// Whether two strings are the same value of one of the crate's strict format
            /// types: the examples are compared by value there, not by text.
            fn same_text(x: &str, y: &str) -> bool {
                fn same<__T: ::serde::de::DeserializeOwned + ::std::cmp::PartialEq>(x: &str, y: &str) -> bool {
                    let read = |text: &str| ::serde_json::from_value::<__T>(::serde_json::Value::String(text.to_owned())).ok();
                    matches!((read(x), read(y)), (::std::option::Option::Some(x), ::std::option::Option::Some(y)) if x == y)
                }
                #(same::<#types>(x, y))||*
            }
        };
        (Some(arm), Some(function))
    };
    let round_trip_helpers = space
        .judged_examples()
        .any(|(_, _, verdict)| verdict.contradiction().is_none())
        .then(|| quote! {
        /// Deserializes `json` into `T`, serializes it back and checks that nothing changed, or,
        /// where given, that the result is `expected` (the example with its explicit `null`s of
        /// non-nullable properties removed, as the model reads those as absent).
        fn round_trip<__T: ::serde::de::DeserializeOwned + ::serde::Serialize>(json: &str, expected: ::std::option::Option<&str>) {
            let expected: ::serde_json::Value = ::serde_json::from_str(expected.unwrap_or(json)).expect("the example is valid JSON");
            let typed: __T = match ::serde_json::from_str(json) {
                ::std::result::Result::Ok(typed) => typed,
                ::std::result::Result::Err(e) => panic!("the example does not deserialize: {e}"),
            };
            let actual = ::serde_json::to_value(&typed).expect("the model serializes");
            assert!(
                same_json(&expected, &actual),
                "the round trip changed the example\nexpected: {expected}\nactual:   {actual}"
            );
        }

        /// JSON equality that compares numbers by value, so `1` read into an `f64` and written
        /// back as `1.0` counts as unchanged.
        fn same_json(a: &::serde_json::Value, b: &::serde_json::Value) -> bool {
            use ::serde_json::Value;
            match (a, b) {
                #strict_arm
                (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
                    (Some(x), Some(y), _, _) => x == y,
                    (_, _, Some(x), Some(y)) => x == y,
                    _ => x.as_f64() == y.as_f64(),
                },
                (Value::Array(x), Value::Array(y)) => {
                    x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
                }
                (Value::Object(x), Value::Object(y)) => {
                    x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
                }
                _ => a == b,
            }
        }

        #same_text
        });
    quote! {
        //! Round-trip tests generated from the response examples of the spec.

        #round_trip_helpers
        #refused_helper

        #(#tests)*
        #left_out_module
    }
}
