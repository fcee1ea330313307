//! The generated example tests: each response example in the spec deserializes into its type
//! and serializes back to the same JSON (or to what the examples pass says the model gives
//! back). With `left_out`, each example left out as contradicting its schema gets a test that
//! the model indeed refuses it, which holds the examples pass to the models.

use super::syntax::{
    attribute, block, call, doc_attribute, doc_attributes, parse, path, path_expr, path_type, semi,
    span, string, with_arguments, word_attribute,
};
use super::{ident, raw_string};
use crate::ir::{TypeRef, TypeSpace, Verdict};
use quote::quote;

/// The file of the example tests, as a syntax tree: the tests themselves, most of the file,
/// are built directly; the fixed helpers are written as tokens and parsed.
pub fn file(space: &TypeSpace, left_out: bool) -> syn::File {
    // The type of an example from the tests' module, through `root` (the path to the crate
    // root from there).
    let type_of = |example: &crate::ir::Example, root: &[&str]| match &example.ty {
        TypeRef::Named(id) => {
            let def = space.named(*id);
            let mut path = path(root, false);
            for word in ["models", def.module.dir()] {
                path.segments.push(syn::PathSegment::from(ident(word)));
            }
            path.segments.push(syn::PathSegment::from(ident(def.name)));
            path_type(path)
        }
        _ => path_type(path(&["serde_json", "Value"], true)),
    };
    let refused: Vec<syn::Item> = space
        .judged_examples()
        .filter(|(_, _, verdict)| left_out && verdict.contradiction().is_some())
        .map(|(example, test, _)| {
            // In a module of their own, so their names cannot meet the round-trip tests'.
            let check = turbofish(&["super", "refused"], type_of(example, &["super", "super"]));
            let json = string(&example.value.to_string());
            test_item(space, &example.operation_id, test, call(check, [json]))
        })
        .collect();
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
            let check = turbofish(&["round_trip"], type_of(example, &["super"]));
            // Compact JSON keeps a test to a few lines; the value is an escaped string literal, so
            // nothing in an example can end it early.
            let json = string(&example.value.to_string());
            let option = |variant| path_expr(path(&["std", "option", "Option", variant], true));
            let expected = match expected {
                Some(expected) => call(option("Some"), [string(&expected.to_string())]),
                None => option("None"),
            };
            test_item(
                space,
                &example.operation_id,
                test,
                call(check, [json, expected]),
            )
        })
        .collect::<Vec<_>>();
    let left_out_module = (!refused.is_empty()).then(|| {
        syn::Item::Mod(syn::ItemMod {
            attrs: doc_attributes(&[LEFT_OUT_DOC.to_owned()]),
            vis: syn::Visibility::Inherited,
            unsafety: None,
            mod_token: syn::token::Mod(span()),
            ident: ident("left_out"),
            content: Some((syn::token::Brace(span()), refused)),
            semi: None,
        })
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
    let helpers: syn::File = parse(quote! {
        #round_trip_helpers
        #refused_helper
    });
    let mut items = helpers.items;
    items.extend(tests);
    items.extend(left_out_module);
    syn::File {
        shebang: None,
        attrs: vec![syn::Attribute {
            style: syn::AttrStyle::Inner(syn::token::Not(span())),
            ..doc_attribute(syn::Lit::new(raw_string(FILE_DOC)))
        }],
        items,
    }
}

/// What the file is, as its inner doc comment says.
const FILE_DOC: &str = " Round-trip tests generated from the response examples of the spec.";

/// The doc of the module of the examples left out.
const LEFT_OUT_DOC: &str = " The examples left out of the tests above, each refused by its model.";

/// `path::<ty>`, a function named with its type argument.
fn turbofish(words: &[&str], ty: syn::Type) -> syn::Expr {
    let args = vec![syn::GenericArgument::Type(ty)];
    path_expr(with_arguments(path(words, false), args, true))
}

/// `#[test] fn name() { check; }`, under the gate of its operation's tags: a test is compiled
/// with the types of its operation.
fn test_item(space: &TypeSpace, operation_id: &str, name: &str, check: syn::Expr) -> syn::Item {
    let mut attrs: Vec<syn::Attribute> =
        super::features::operation_cfg_predicate(space, operation_id)
            .map(|predicate| attribute("cfg", predicate))
            .into_iter()
            .collect();
    attrs.push(word_attribute("test"));
    syn::Item::Fn(syn::ItemFn {
        attrs,
        vis: syn::Visibility::Inherited,
        sig: syn::Signature {
            constness: None,
            asyncness: None,
            unsafety: None,
            abi: None,
            fn_token: syn::token::Fn(span()),
            ident: ident(name),
            generics: syn::Generics::default(),
            paren_token: syn::token::Paren(span()),
            inputs: syn::punctuated::Punctuated::new(),
            variadic: None,
            output: syn::ReturnType::Default,
        },
        block: Box::new(block(vec![semi(check)])),
    })
}
